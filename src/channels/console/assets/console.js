// The console's progressive enhancements. Without JavaScript every page still works (progress pages refresh).

