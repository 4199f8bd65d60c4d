/**
 * Realistic text for a String field, chosen by the field's name (and for a bare `name`, by its model's):
 * `email` gets emails, `slug` slugs, `bio` a few sentences. The first rule whose pattern matches wins, so
 * specific names (`firstName`) come before general ones (`name`).
 */
import type { Faker } from "@faker-js/faker";

type TextMaker = (faker: Faker) => string;

/** Field names folded for matching: `first_name`, `firstName` and `FIRSTNAME` all read `firstname`. */
export function foldName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** English words (faker's lorem is Latin): labels and titles read like ones people type. */
const words = (faker: Faker, min: number, max: number) =>
  faker.word.words({ count: { min, max } }).replace(/^./, (first) => first.toUpperCase());

const sentences = (faker: Faker, min: number, max: number) => faker.lorem.sentences({ min, max });

const titleCase = (text: string) => text.replace(/\b\w/g, (letter) => letter.toUpperCase());

const code = (faker: Faker, length: number) => faker.string.alphanumeric({ length, casing: "upper" });

/** [pattern over the folded field name, maker]; first match wins. */
const rules: [RegExp, TextMaker][] = [
  [/email/, (f) => f.internet.email().toLowerCase()],
  [/^(first|given)name$|^forename$/, (f) => f.person.firstName()],
  [/^(last|family|sur)name$|^surname$/, (f) => f.person.lastName()],
  [/^(full|display|contact|author|customer|person|user)name$/, (f) => f.person.fullName()],
  [/^(user|screen|nick)name$|^handle$|^login$|^nickname$/, (f) => f.internet.username().toLowerCase()],
  [
    /^(company|organization|organisation|employer|business|brand|vendor|supplier|publisher)(name)?$/,
    (f) => f.company.name(),
  ],
  [/slug/, (f) => f.lorem.slug({ min: 2, max: 4 })],
  [/avatar|photo|picture|image|thumbnail|logo/, (f) => f.image.url()],
  [/url|website|homepage|href|^link$|^target$/, (f) => f.internet.url()],
  [/phone|mobile|^tel$|telephone|^fax$/, (f) => f.phone.number()],
  [/currency/, (f) => f.finance.currencyCode()],
  [/^country(code|iso)$|^iso(code)?$/, (f) => f.location.countryCode()],
  [/country/, (f) => f.location.country()],
  [/isbn/, (f) => f.commerce.isbn(13)],
  [/colou?r/, (f) => f.color.human()],
  [/city|town/, (f) => f.location.city()],
  [/street|address(line)?1?$|^line1$/, (f) => f.location.streetAddress()],
  [/address(line)?2$|^line2$/, (f) => f.location.secondaryAddress()],
  [/^key$|settingkey|configkey/, (f) => `${f.word.noun()}.${f.word.noun()}`.toLowerCase()],
  [/zip|post(al)?code/, (f) => f.location.zipCode()],
  [/^(state|region|province|county)$/, (f) => f.location.state()],
  [/timezone|^tz$/, (f) => f.location.timeZone()],
  [
    /^(language|lang|locale)(code)?$/,
    (f) => f.helpers.arrayElement(["en", "fr", "de", "es", "it", "nl", "pt"]),
  ],
  [/^bio|about|biography/, (f) => sentences(f, 2, 3)],
  [
    /description|^body$|content|^text$|summary|abstract|notes?$|comment|message|details|memo|reason/,
    (f) => sentences(f, 2, 4),
  ],
  [/title|headline|subject|caption/, (f) => titleCase(f.word.words({ count: { min: 2, max: 6 } }))],
  [/uuid|guid/, (f) => f.string.uuid()],
  [/^ip(address|v4)?$/, (f) => f.internet.ipv4()],
  [/password|hash|secret|token|apikey/, (f) => f.string.alphanumeric(40)],
  [/sku|code|^ref(erence)?$|serial|passport|number$|^no$/, (f) => code(f, 8)],
  [/iata/, (f) => f.string.alpha({ length: 3, casing: "upper" })],
  [/filename|^file$/, (f) => f.system.fileName()],
  [/path$/, (f) => f.system.filePath()],
  [/mime|contenttype/, (f) => f.system.mimeType()],
  [/version|semver/, (f) => f.system.semver()],
  [/^(job)?(role|position|occupation)$|jobtitle/, (f) => f.person.jobTitle()],
  [/gender|sex/, (f) => f.person.sex()],
  [/service|provider|platform/, (f) => f.company.buzzNoun()],
  [/event|action|activity/, (f) => f.hacker.verb()],
  [/genre|category|department|tag|label|group/, (f) => f.commerce.department()],
  [/product|item/, (f) => f.commerce.productName()],
];

/** Model names whose bare `name` is a person's, a company's, a place's... */
const nameByModel: [RegExp, TextMaker][] = [
  [
    /user|person|people|customer|author|member|employee|creator|passenger|contact|profile|account|owner|student|patient|staff|admin/,
    (f) => f.person.fullName(),
  ],
  [
    /company|organi[sz]ation|org$|tenant|team|workspace|vendor|supplier|publisher|brand|business/,
    (f) => f.company.name(),
  ],
  [/city|town/, (f) => f.location.city()],
  [/country/, (f) => f.location.country()],
  [/product|item|article/, (f) => f.commerce.productName()],
  [/category|genre|department|tag|group|label/, (f) => f.commerce.department()],
];

/**
 * The maker for a String field of this name on this model; undefined when the name says nothing. `holdsCodes`:
 * the column is too short for names, or its default is a code (`@default("US")`), so a country is a code.
 */
export function textMakerFor(
  fieldName: string,
  modelName: string,
  holdsCodes = false,
): TextMaker | undefined {
  const folded = foldName(fieldName);
  if (holdsCodes && /country/.test(folded)) return (f) => f.location.countryCode();
  if (folded === "name" || folded.endsWith("name")) {
    const byRule = rules.find(([pattern]) => pattern.test(folded));
    if (byRule) return byRule[1];
    const byModel = nameByModel.find(([pattern]) => pattern.test(foldName(modelName)));
    return byModel ? byModel[1] : (f) => words(f, 1, 3);
  }
  return rules.find(([pattern]) => pattern.test(folded))?.[1];
}

/** Text for a String field no rule knows: a few words, like a label someone typed. */
export function plainText(faker: Faker): string {
  return words(faker, 1, 4);
}
