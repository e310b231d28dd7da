// The demo providers' news, retold from the 2019 article (../shared/seed): the voice bot and the planned payment of
// the electricity supplier, the water utilities' reading days, the heat suppliers' calculator, the contact centres'
// weekend and holiday hours, tariffs and energy-saving tips. Dated back from the region's "as of" day, so the newest
// item is a day old whenever the demo is loaded.
import type { NewsKind } from "../db/tables/news.table.ts";
import { formatUkrainianPhone } from "../domain/phone-display.ts";
import type { Translated } from "../i18n/locale.ts";
import type { DemoProvider } from "./region.ts";

export interface DemoNewsItem {
  kind: NewsKind;
  /** Days before the region's "as of" day it was published. */
  daysBefore: number;
  title: Translated;
  body: Translated;
}

type Kind = "electricity" | "water" | "gas" | "heat";

function kindOf(p: DemoProvider): Kind {
  if (p.services.includes("electricity")) return "electricity";
  if (p.services.includes("gas")) return "gas";
  if (p.services.includes("heating")) return "heat";
  return "water";
}

function scheduleItem(p: DemoProvider): DemoNewsItem {
  const [from, to] = p.hours.weekdays;
  const sat = p.hours.saturday;
  const phones = p.phones.map(formatUkrainianPhone).join(", ");
  return {
    kind: "schedule",
    daysBefore: 3,
    title: {
      uk: "Графік контакт-центру у вихідні та святкові дні",
      ru: "График контакт-центра в выходные и праздничные дни",
      en: "The contact centre at weekends and on public holidays",
    },
    body: {
      uk:
        `У будні контакт-центр працює з ${from} до ${to}. ` +
        (sat ? `У суботу — з ${sat[0]} до ${sat[1]}, неділя — вихідний. ` : "Субота й неділя — вихідні. ") +
        "У святкові дні контакт-центр не працює. Показники й оплату приймає особистий кабінет цілодобово. " +
        `Телефони: ${phones}.`,
      ru:
        `В будни контакт-центр работает с ${from} до ${to}. ` +
        (sat
          ? `В субботу — с ${sat[0]} до ${sat[1]}, воскресенье — выходной. `
          : "Суббота и воскресенье — выходные. ") +
        "В праздничные дни контакт-центр не работает. Показания и оплату принимает личный кабинет круглосуточно. " +
        `Телефоны: ${phones}.`,
      en:
        `On weekdays the contact centre is open from ${from} to ${to}. ` +
        (sat
          ? `On Saturday from ${sat[0]} to ${sat[1]}; closed on Sunday. `
          : "Closed on Saturday and Sunday. ") +
        "It is closed on public holidays. The personal cabinet takes readings and payments day and night. " +
        `Phones: ${phones}.`,
    },
  };
}

const PAYMENT: DemoNewsItem = {
  kind: "payment",
  daysBefore: 12,
  title: {
    uk: "Як сплатити рахунок, не виходячи з дому",
    ru: "Как оплатить счёт, не выходя из дома",
    en: "Paying your bill without leaving home",
  },
  body: {
    uk:
      "Суму до сплати видно в розділі «Нарахування й оплати»: там же можна завантажити рахунок і акт звірки. " +
      "Сплатіть карткою в особистому кабінеті. Платіж, у якому не вказано період, погашає найстаріший борг. " +
      "Сервісні центри потрібні лише для паперових документів.",
    ru:
      "Сумму к оплате видно в разделе «Начисления и оплаты»: там же можно скачать счёт и акт сверки. " +
      "Оплатите картой в личном кабинете. Платёж без указания периода погашает самый старый долг. " +
      "Сервисные центры нужны только для бумажных документов.",
    en:
      "The amount due is under «Charges and payments», where you can also download the bill and a reconciliation " +
      "statement. Pay by card in the personal cabinet. A payment that names no period settles the oldest debt " +
      "first. Service centres are needed only for paper documents.",
  },
};

const TARIFFS: Record<Kind, DemoNewsItem> = {
  electricity: {
    kind: "tariff",
    daysBefore: 25,
    title: {
      uk: "Ціни на електроенергію для населення",
      ru: "Цены на электроэнергию для населения",
      en: "Household electricity prices",
    },
    body: {
      uk:
        "До 100 кВт·год на місяць — 0,90 грн за кВт·год, понад 100 кВт·год — 1,68 грн. " +
        "З двозонним лічильником уночі (з 23:00 до 07:00) — половина тарифу; " +
        "з тризонним: пік — 1,5 тарифу, напівпік — 1,0, ніч — 0,4.",
      ru:
        "До 100 кВт·ч в месяц — 0,90 грн за кВт·ч, свыше 100 кВт·ч — 1,68 грн. " +
        "С двухзонным счётчиком ночью (с 23:00 до 07:00) — половина тарифа; " +
        "с трёхзонным: пик — 1,5 тарифа, полупик — 1,0, ночь — 0,4.",
      en:
        "Up to 100 kWh a month: 0.90 UAH per kWh; above 100 kWh: 1.68 UAH. " +
        "With a two-zone meter, nights (23:00 to 07:00) cost half the price; " +
        "with a three-zone meter: peak 1.5 of the price, half-peak 1.0, night 0.4.",
    },
  },
  water: {
    kind: "tariff",
    daysBefore: 25,
    title: {
      uk: "Тарифи на воду та водовідведення",
      ru: "Тарифы на воду и водоотведение",
      en: "Water and sewerage tariffs",
    },
    body: {
      uk:
        "Холодна вода — 17,364 грн за м³, водовідведення — 11,502 грн за м³ (демонстраційні тарифи). " +
        "Без лічильника нараховують за нормою: 3,6 м³ на зареєстровану особу на місяць.",
      ru:
        "Холодная вода — 17,364 грн за м³, водоотведение — 11,502 грн за м³ (демонстрационные тарифы). " +
        "Без счётчика начисляют по норме: 3,6 м³ на зарегистрированного человека в месяц.",
      en:
        "Cold water: 17.364 UAH per m³; sewerage: 11.502 UAH per m³ (demo tariffs). " +
        "Without a meter, the norm applies: 3.6 m³ per registered resident a month.",
    },
  },
  gas: {
    kind: "tariff",
    daysBefore: 25,
    title: { uk: "Ціна на газ", ru: "Цена на газ", en: "The gas price" },
    body: {
      uk: "Природний газ — 7,99 грн за м³ (демонстраційна ціна). Без лічильника — за нормою: 9,8 м³ на особу на місяць.",
      ru: "Природный газ — 7,99 грн за м³ (демонстрационная цена). Без счётчика — по норме: 9,8 м³ на человека в месяц.",
      en: "Natural gas: 7.99 UAH per m³ (a demo price). Without a meter, the norm applies: 9.8 m³ per resident a month.",
    },
  },
  heat: {
    kind: "tariff",
    daysBefore: 25,
    title: {
      uk: "Тарифи на опалення та гарячу воду",
      ru: "Тарифы на отопление и горячую воду",
      en: "Heating and hot-water tariffs",
    },
    body: {
      uk:
        "Опалення — 1 654,41 грн за Гкал; без лічильника тепла — за нормою 0,0168 Гкал на м² площі на місяць, " +
        "лише в дні опалювального сезону, та абонплата 21,50 грн. Гаряча вода — 93,40 грн за м³ " +
        "(демонстраційні тарифи). Скільки це для вашої оселі, покаже калькулятор.",
      ru:
        "Отопление — 1 654,41 грн за Гкал; без счётчика тепла — по норме 0,0168 Гкал на м² площади в месяц, " +
        "только в дни отопительного сезона, и абонплата 21,50 грн. Горячая вода — 93,40 грн за м³ " +
        "(демонстрационные тарифы). Сколько это для вашей квартиры, покажет калькулятор.",
      en:
        "Heating: 1,654.41 UAH per Gcal; without a heat meter, by the norm of 0.0168 Gcal per m² a month, on the " +
        "heating season's days only, plus a fixed fee of 21.50 UAH. Hot water: 93.40 UAH per m³ (demo tariffs). " +
        "The calculator shows what this means for your home.",
    },
  },
};

const TIPS: Record<Kind, DemoNewsItem> = {
  electricity: {
    kind: "energy_saving",
    daysBefore: 40,
    title: {
      uk: "Як платити за світло менше",
      ru: "Как платить за свет меньше",
      en: "How to pay less for electricity",
    },
    body: {
      uk:
        "Світлодіодні лампи споживають у 5–8 разів менше, ніж лампи розжарювання. Не залишайте техніку в режимі " +
        "очікування. З двозонним лічильником пральну машину й бойлер вигідніше вмикати після 23:00.",
      ru:
        "Светодиодные лампы потребляют в 5–8 раз меньше, чем лампы накаливания. Не оставляйте технику в режиме " +
        "ожидания. С двухзонным счётчиком стиральную машину и бойлер выгоднее включать после 23:00.",
      en:
        "LED bulbs use 5 to 8 times less than incandescent ones. Do not leave appliances on standby. With a " +
        "two-zone meter, run the washing machine and the water heater after 23:00.",
    },
  },
  water: {
    kind: "energy_saving",
    daysBefore: 40,
    title: { uk: "Як заощадити воду", ru: "Как сэкономить воду", en: "How to save water" },
    body: {
      uk:
        "Кран, з якого крапає, марнує сотні літрів на місяць — полагодьте його. Перевірте, чи не тече бачок: " +
        "якщо цифри лічильника рухаються, коли вода закрита, є витік. Душ замість ванни — утричі менше води.",
      ru:
        "Кран, из которого капает, тратит сотни литров в месяц — почините его. Проверьте, не течёт ли бачок: " +
        "если цифры счётчика движутся, когда вода закрыта, есть утечка. Душ вместо ванны — втрое меньше воды.",
      en:
        "A dripping tap wastes hundreds of litres a month: have it fixed. Check the cistern: if the meter moves " +
        "while no tap is open, there is a leak. A shower instead of a bath uses a third of the water.",
    },
  },
  gas: {
    kind: "energy_saving",
    daysBefore: 40,
    title: { uk: "Як заощадити газ", ru: "Как сэкономить газ", en: "How to save gas" },
    body: {
      uk:
        "Накривайте каструлю кришкою і ставте її на конфорку відповідного розміру. Полум'я має бути синім: жовте " +
        "означає, що плиту варто перевірити. Газовий котел обслуговуйте щороку.",
      ru:
        "Накрывайте кастрюлю крышкой и ставьте её на конфорку подходящего размера. Пламя должно быть синим: жёлтое " +
        "значит, что плиту стоит проверить. Газовый котёл обслуживайте каждый год.",
      en:
        "Put a lid on the pan and use a burner of its size. The flame should be blue: a yellow one means the cooker " +
        "needs a check. Have a gas boiler serviced every year.",
    },
  },
  heat: {
    kind: "energy_saving",
    daysBefore: 40,
    title: {
      uk: "Тепло в оселі без зайвих витрат",
      ru: "Тепло в квартире без лишних трат",
      en: "A warm home without waste",
    },
    body: {
      uk:
        "Не закривайте радіатори меблями й щільними шторами. Провітрюйте коротко й широко: 5–10 хвилин із " +
        "відчиненим вікном, а не весь день на провітрюванні. Утепліть вікна й двері перед опалювальним сезоном.",
      ru:
        "Не закрывайте радиаторы мебелью и плотными шторами. Проветривайте коротко и широко: 5–10 минут с " +
        "открытым окном, а не весь день на проветривании. Утеплите окна и двери перед отопительным сезоном.",
      en:
        "Do not cover radiators with furniture or heavy curtains. Air rooms briefly and fully: 5 to 10 minutes with " +
        "the window wide open, not all day ajar. Seal windows and doors before the heating season.",
    },
  },
};

/** One item of what the article tells about this kind of provider. */
function articleItem(p: DemoProvider): DemoNewsItem {
  switch (kindOf(p)) {
    case "electricity":
      return {
        kind: "general",
        daysBefore: 1,
        title: {
          uk: "Показники — голосом, без очікування оператора",
          ru: "Показания — голосом, без ожидания оператора",
          en: "Readings by voice, without waiting for an operator",
        },
        body: {
          uk:
            "Зателефонуйте з 07:00 до 21:00 на (067) 652 60 00, (095) 652 60 00 або (0629) 52 60 00, оберіть " +
            "«Передати показання», назвіть населений пункт, особовий рахунок (разом зі спецсимволами) і показники. " +
            "Бот розпізнає голос і внесе їх у систему. Показники приймаємо в останні дні місяця та 1–2 числа.",
          ru:
            "Позвоните с 07:00 до 21:00 по номерам (067) 652 60 00, (095) 652 60 00 или (0629) 52 60 00, выберите " +
            "«Передать показания», назовите населённый пункт, лицевой счёт (включая спецсимволы) и показания. " +
            "Бот распознает голос и внесёт их в систему. Показания принимаем в последние дни месяца и 1–2 числа.",
          en:
            "Call (067) 652 60 00, (095) 652 60 00 or (0629) 52 60 00 between 07:00 and 21:00, choose «Submit " +
            "readings», and say your settlement, your account number (with its special characters) and the reading. " +
            "The bot recognises speech and records it. Readings are taken in the last days of the month and on the " +
            "1st and 2nd.",
        },
      };
    case "water":
      return {
        kind: "general",
        daysBefore: 6,
        title: {
          uk: "Коли передавати показники води",
          ru: "Когда передавать показания воды",
          en: "When to submit water readings",
        },
        body: {
          uk:
            "Передайте показники лічильника холодної води в особистому кабінеті або через контакт-центр. " +
            "Вчасно подані показники — точний рахунок: інакше нарахування буде за середнім споживанням.",
          ru:
            "Передайте показания счётчика холодной воды в личном кабинете или через контакт-центр. " +
            "Вовремя поданные показания — точный счёт: иначе начисление будет по среднему потреблению.",
          en:
            "Submit your cold-water meter reading in the personal cabinet or through the contact centre. " +
            "A reading on time makes the bill exact: otherwise it is estimated from your average use.",
        },
      };
    case "gas":
      return {
        kind: "general",
        daysBefore: 6,
        title: {
          uk: "Показники газу — з 1 по 5 число",
          ru: "Показания газа — с 1 по 5 число",
          en: "Gas readings: from the 1st to the 5th",
        },
        body: {
          uk:
            "Зніміть показники газового лічильника 1 числа й передайте їх з 1 по 5 число місяця в особистому " +
            "кабінеті або телефоном. Без них обсяг нараховують за плановим місячним обсягом.",
          ru:
            "Снимите показания газового счётчика 1 числа и передайте их с 1 по 5 число месяца в личном кабинете " +
            "или по телефону. Без них объём начисляют по плановому месячному объёму.",
          en:
            "Take your gas meter reading on the 1st and submit it from the 1st to the 5th in the personal cabinet " +
            "or by phone. Without it, a planned monthly volume is billed.",
        },
      };
    case "heat":
      return {
        kind: "general",
        daysBefore: 6,
        title: {
          uk: "Калькулятор вартості опалення",
          ru: "Калькулятор стоимости отопления",
          en: "A heating cost calculator",
        },
        body: {
          uk:
            "У кабінеті є калькулятор: вкажіть площу оселі або очікуване споживання за лічильником і побачите, " +
            "скільки коштуватиме опалення чи гаряча вода за діючими тарифами, з розрахунком рядок за рядком.",
          ru:
            "В кабинете есть калькулятор: укажите площадь квартиры или ожидаемое потребление по счётчику и увидите, " +
            "сколько будет стоить отопление или горячая вода по действующим тарифам, с расчётом строка за строкой.",
          en:
            "The cabinet has a calculator: enter your home's area or the use you expect on a meter and see what " +
            "heating or hot water will cost at the current tariffs, worked out line by line.",
        },
      };
  }
}

const PLANNED_PAYMENT: DemoNewsItem = {
  kind: "payment",
  daysBefore: 18,
  title: {
    uk: "Плановий платіж у кабінеті",
    ru: "Плановый платёж в кабинете",
    en: "Planned payments in the cabinet",
  },
  body: {
    uk:
      "Тепер в особистому кабінеті можна внести плановий платіж — наперед, за очікуваним споживанням. " +
      "Після нарахування за фактичними показниками різницю буде враховано в наступному рахунку.",
    ru:
      "Теперь в личном кабинете можно внести плановый платёж — наперёд, по ожидаемому потреблению. " +
      "После начисления по фактическим показаниям разница будет учтена в следующем счёте.",
    en:
      "You can now make a planned payment in the personal cabinet: in advance, sized from the use you expect. " +
      "Once the actual readings are billed, the difference is settled on the next bill.",
  },
};

/** A provider's demo news, newest first. */
export function demoNewsFor(p: DemoProvider): DemoNewsItem[] {
  const kind = kindOf(p);
  const items = [
    articleItem(p),
    scheduleItem(p),
    PAYMENT,
    ...(kind === "electricity" ? [PLANNED_PAYMENT] : []),
    TARIFFS[kind],
    TIPS[kind],
  ];
  return items.sort((a, b) => a.daysBefore - b.daysBefore);
}
