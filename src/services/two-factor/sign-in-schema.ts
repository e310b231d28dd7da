// What a sign-in answers (by password or by a one-time code): a session, or — two-step sign-in being on — a
// challenge for the second step. Both shapes are registered with the HTTP app (channels/http/routes/session.ts).
import { Type } from "typebox";
import type { SignedIn } from "../auth/open-session.ts";
import { Ref } from "../schemas.ts";
import type { SecondFactorRequired } from "./sign-in-challenge.ts";

export const SignInResultSchema = Type.Union([
  Ref<SignedIn>("SignedIn"),
  Ref<SecondFactorRequired>("SecondFactorRequired"),
]);
