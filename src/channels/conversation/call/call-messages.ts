// What the voice bot says, in Ukrainian, Russian and English (ICU MessageFormat). Each key is also the name of a
// prompt a provider may replace with its own recording (docs/voice.md): <prompts dir>/<provider>/<key>.<lang>.wav.
// Written to be heard, not read: short sentences, the keys to press after the words to say.
import { defineMessages } from "../../../i18n/messages.ts";

const YES_NO = {
  uk: "Якщо правильно, скажіть «так» або натисніть 1. Якщо ні — скажіть «ні» або натисніть 2.",
  ru: "Если верно, скажите «да» или нажмите 1. Если нет — скажите «нет» или нажмите 2.",
  en: "If that is right, say yes or press 1. If not, say no or press 2.",
};
const YES_NO_KEYS = {
  uk: "Якщо правильно, натисніть 1. Якщо ні — натисніть 2.",
  ru: "Если верно, нажмите 1. Если нет — нажмите 2.",
  en: "If that is right, press 1. If not, press 2.",
};

export const CALL = defineMessages("call", {
  greeting: {
    uk: "{provider}. Вітаємо! Вас слухає голосовий помічник.",
    ru: "{provider}. Здравствуйте! Вас слушает голосовой помощник.",
    en: "{provider}. Hello! This is the voice assistant.",
  },
  closed: {
    uk: "Голосовий помічник працює щодня з {opens} до {closes}. Зараз він не працює. Передати показання можна в особистому кабінеті на сайті{chats, select, yes {, а також у Viber, Telegram чи Messenger} other {}}. До побачення!",
    ru: "Голосовой помощник работает ежедневно с {opens} до {closes}. Сейчас он не работает. Передать показания можно в личном кабинете на сайте{chats, select, yes {, а также в Viber, Telegram или Messenger} other {}}. До свидания!",
    en: "The voice assistant works every day from {opens} to {closes}. It is closed now. You can submit readings in your personal cabinet on the website{chats, select, yes {, or in Viber, Telegram or Messenger} other {}}. Goodbye!",
  },
  noVoice: {
    uk: "Цей постачальник не приймає показання телефоном. Передайте їх в особистому кабінеті на сайті. До побачення!",
    ru: "Этот поставщик не принимает показания по телефону. Передайте их в личном кабинете на сайте. До свидания!",
    en: "This provider does not take readings by phone. Please submit them in your personal cabinet. Goodbye!",
  },
  noLine: {
    uk: "Вибачте, ця лінія не налаштована. До побачення!",
    ru: "Извините, эта линия не настроена. До свидания!",
    en: "Sorry, this line is not set up. Goodbye!",
  },
  menu: {
    uk: "Щоб передати показання лічильника, скажіть «показання» або натисніть 1. Щоб поговорити з оператором, скажіть «оператор» або натисніть 0.",
    ru: "Чтобы передать показания счётчика, скажите «показания» или нажмите 1. Чтобы поговорить с оператором, скажите «оператор» или нажмите 0.",
    en: "To submit a meter reading, say reading or press 1. To talk to an operator, say operator or press 0.",
  },
  menuKeys: {
    uk: "Щоб передати показання лічильника, натисніть 1. Щоб поговорити з оператором, натисніть 0.",
    ru: "Чтобы передать показания счётчика, нажмите 1. Чтобы поговорить с оператором, нажмите 0.",
    en: "To submit a meter reading, press 1. To talk to an operator, press 0.",
  },
  // Said in the other language, by that language's voice.
  otherLanguage: {
    uk: "Для української мови скажіть «українською» або натисніть 8.",
    ru: "Для русского языка скажите «по-русски» или нажмите 9.",
    en: "For Ukrainian, press 8.",
  },
  askSettlement: {
    uk: "Назвіть ваш населений пункт.",
    ru: "Назовите ваш населённый пункт.",
    en: "Say the name of your town or village.",
  },
  settlementKeys: {
    uk: "{speech, select, yes {Або натисніть:} other {Натисніть:}} {options}.",
    ru: "{speech, select, yes {Или нажмите:} other {Нажмите:}} {options}.",
    en: "{speech, select, yes {Or press:} other {Press:}} {options}.",
  },
  option: { uk: "{n} — {name}", ru: "{n} — {name}", en: "{n} for {name}" },
  askAccount: {
    uk: "Назвіть номер особового рахунку: цифри по одній або групами, знаки — словами: дефіс, слеш, крапка. Або наберіть його на клавіатурі й натисніть решітку.",
    ru: "Назовите номер лицевого счёта: цифры по одной или группами, знаки — словами: дефис, слеш, точка. Или наберите его на клавиатуре и нажмите решётку.",
    en: "Say your account number: digits one by one or in groups, and the signs as words: hyphen, slash, dot. Or key it in and press hash.",
  },
  askAccountKeys: {
    uk: "Наберіть номер особового рахунку на клавіатурі й натисніть решітку. Дефіс — зірочка й 1, слеш — зірочка й 2, крапка — зірочка й 3.",
    ru: "Наберите номер лицевого счёта на клавиатуре и нажмите решётку. Дефис — звёздочка и 1, слеш — звёздочка и 2, точка — звёздочка и 3.",
    en: "Key in your account number and press hash. Hyphen is star 1, slash is star 2, dot is star 3.",
  },
  // Read-backs are said as the fixed words, then the number word by word from cached renders (voice-prompts.ts),
  // then the yes/no question: a spoken number needs no new synthesis once its words have been said.
  youSaidAccount: { uk: "Ви назвали рахунок", ru: "Вы назвали счёт", en: "You said account" },
  accountNotFound: {
    uk: "Такого рахунку не знайдено.",
    ru: "Такой счёт не найден.",
    en: "No such account was found.",
  },
  chooseMeter: {
    uk: "Оберіть лічильник. {options}.",
    ru: "Выберите счётчик. {options}.",
    en: "Choose the meter. {options}.",
  },
  meterOption: {
    uk: "{service}, номер закінчується на {tail}: натисніть {n}",
    ru: "{service}, номер заканчивается на {tail}: нажмите {n}",
    en: "{service}, number ending {tail}: press {n}",
  },
  noMeters: {
    uk: "На цьому рахунку немає лічильників.",
    ru: "На этом счёте нет счётчиков.",
    en: "This account has no meters.",
  },
  askValue: {
    uk: "Назвіть показання лічильника{zones, select, 1 {} other {, зона {zoneName}}}: числом, дробову частину — після слова «кома». Або наберіть на клавіатурі: зірочка — кома, решітка — кінець.",
    ru: "Назовите показания счётчика{zones, select, 1 {} other {, зона {zoneName}}}: числом, дробную часть — после слова «запятая». Или наберите на клавиатуре: звёздочка — запятая, решётка — конец.",
    en: "Say the meter reading{zones, select, 1 {} other {, zone {zoneName}}} as a number, with the fraction after the word comma. Or key it in: star for the comma, hash to finish.",
  },
  askValueKeys: {
    uk: "Наберіть показання лічильника{zones, select, 1 {} other {, зона {zoneName}}} на клавіатурі: зірочка — кома, решітка — кінець.",
    ru: "Наберите показания счётчика{zones, select, 1 {} other {, зона {zoneName}}} на клавиатуре: звёздочка — запятая, решётка — конец.",
    en: "Key in the meter reading{zones, select, 1 {} other {, zone {zoneName}}}: star for the comma, hash to finish.",
  },
  youSaid: { uk: "Ви назвали", ru: "Вы назвали", en: "You said" },
  readBack: { uk: "{words}", ru: "{words}", en: "{words}" },
  yesNo: YES_NO,
  yesNoKeys: YES_NO_KEYS,
  unusual: {
    uk: "Споживання незвично велике. Показання правильне? {yesNo}",
    ru: "Потребление необычно большое. Показания верны? {yesNo}",
    en: "The consumption is unusually high. Is the reading right? {yesNo}",
  },
  acceptedReceipt: {
    uk: "Показання прийнято. Номер квитанції:",
    ru: "Показания приняты. Номер квитанции:",
    en: "The reading is accepted. Receipt number:",
  },
  reviewNote: {
    uk: "Його перевірить оператор.",
    ru: "Их проверит оператор.",
    en: "An operator will check it.",
  },
  goodbye: { uk: "Дякуємо! До побачення.", ru: "Спасибо! До свидания.", en: "Thank you! Goodbye." },
  notUnderstood: {
    uk: "Вибачте, я не зрозумів.",
    ru: "Извините, я не понял.",
    en: "Sorry, I did not understand.",
  },
  noInput: { uk: "Я вас не чую.", ru: "Я вас не слышу.", en: "I cannot hear you." },
  useKeypad: {
    uk: "Будь ласка, скористайтеся клавіатурою телефону.",
    ru: "Пожалуйста, воспользуйтесь клавиатурой телефона.",
    en: "Please use your phone's keypad.",
  },
  handOver: {
    uk: "З'єдную з оператором. Залишайтеся на лінії.",
    ru: "Соединяю с оператором. Оставайтесь на линии.",
    en: "Connecting you to an operator. Please stay on the line.",
  },
  service: {
    uk: "{service, select, electricity {Електроенергія} cold_water {Холодна вода} hot_water {Гаряча вода} sewerage {Водовідведення} gas {Газ} heating {Опалення} other {Лічильник}}",
    ru: "{service, select, electricity {Электроэнергия} cold_water {Холодная вода} hot_water {Горячая вода} sewerage {Водоотведение} gas {Газ} heating {Отопление} other {Счётчик}}",
    en: "{service, select, electricity {Electricity} cold_water {Cold water} hot_water {Hot water} sewerage {Sewerage} gas {Gas} heating {Heating} other {Meter}}",
  },
});

export type CallMessage = keyof typeof CALL;
