/**
 * Which PostgreSQL extension provides a type, operator class, index method or function that PostgreSQL did not
 * find, how a Prisma schema declares it, and where a server that lacks it gets it. Names only: the server's
 * own `pg_available_extensions` says what it can install.
 */

const typeExtensions: Record<string, string> = {
  citext: "citext",
  hstore: "hstore",
  ltree: "ltree",
  lquery: "ltree",
  ltxtquery: "ltree",
  cube: "cube",
  seg: "seg",
  ean13: "isn",
  isbn: "isn",
  isbn13: "isn",
  ismn: "isn",
  ismn13: "isn",
  issn: "isn",
  issn13: "isn",
  upc: "isn",
  vector: "vector",
  halfvec: "vector",
  sparsevec: "vector",
  geometry: "postgis",
  geography: "postgis",
  box2d: "postgis",
  box3d: "postgis",
};

/** Operator classes by pattern, most specific first (gin_trgm_ops before btree_gin's gin_*_ops). */
const operatorClassExtensions: [RegExp, string][] = [
  [/^g(in|ist)_trgm_ops$/, "pg_trgm"],
  [/^(vector|halfvec|sparsevec)_\w+_ops$|^bit_(hamming|jaccard)_ops$/, "vector"],
  [/_hstore_ops$/, "hstore"],
  [/^gist__?ltree_ops$/, "ltree"],
  [/^g(in|ist)__int(big)?_ops$/, "intarray"],
  [/^gist_geometry_ops(_2d|_nd)?$|^gist_geography_ops$/, "postgis"],
  [/^gist_\w+_ops$/, "btree_gist"],
  [/^gin_\w+_ops$/, "btree_gin"],
];

const accessMethodExtensions: Record<string, string> = {
  hnsw: "vector",
  ivfflat: "vector",
  bloom: "bloom",
  rum: "rum",
};

const functionExtensions: [RegExp, string][] = [
  [/^uuid_(generate_v[1345]|generate_v1mc|nil|ns_\w+)$/, "uuid-ossp"],
  [/^(gen_random_uuid|gen_random_bytes|crypt|gen_salt|digest|hmac|pgp_\w+)$/, "pgcrypto"],
  [/^(similarity|word_similarity|strict_word_similarity|show_trgm)$/, "pg_trgm"],
  [/^unaccent$/, "unaccent"],
  [/^(ll_to_earth|earth_distance|earth_box)$/, "earthdistance"],
  [/^(levenshtein|soundex|metaphone|dmetaphone|difference)$/, "fuzzystrmatch"],
];

export type MissingKind = "type" | "operator class" | "access method" | "function";

export function extensionProviding(kind: MissingKind, name: string): string | undefined {
  const bare = name.replace(/^.*\./, "");
  switch (kind) {
    case "type":
      return typeExtensions[bare];
    case "operator class":
      return operatorClassExtensions.find(([pattern]) => pattern.test(bare))?.[1];
    case "access method":
      return accessMethodExtensions[bare];
    case "function":
      return functionExtensions.find(([pattern]) => pattern.test(bare))?.[1];
    default: {
      const never: never = kind;
      throw new Error(`Unknown kind ${String(never)}`);
    }
  }
}

/** How the datasource's `extensions = [...]` names it: `citext`, or `uuid_ossp(map: "uuid-ossp")`. */
export function declaration(extension: string): string {
  return /^[A-Za-z_]\w*$/.test(extension)
    ? extension
    : `${extension.replace(/\W/g, "_")}(map: "${extension}")`;
}

/** The schema edit that declares `extension`, given the extensions the schema declares already. */
export function howToDeclare(extension: string, declared: string[]): string {
  if (declared.length === 0) {
    return `previewFeatures = ["postgresqlExtensions"] in the generator block and extensions = [${declaration(extension)}] in the datasource block`;
  }
  const all = [...declared, extension].map(declaration).join(", ");
  return `extensions = [${all}] in the datasource block`;
}

/** Extensions outside PostgreSQL's own contrib modules, and the Debian/Ubuntu package that has each. */
const packages: Record<string, { package: string; home: string }> = {
  vector: { package: "pgvector", home: "https://github.com/pgvector/pgvector" },
  postgis: { package: "postgis-3", home: "https://postgis.net" },
  rum: { package: "rum", home: "https://github.com/postgrespro/rum" },
  pg_cron: { package: "cron", home: "https://github.com/citusdata/pg_cron" },
  pgaudit: { package: "pgaudit", home: "https://github.com/pgaudit/pgaudit" },
  hypopg: { package: "hypopg", home: "https://github.com/HypoPG/hypopg" },
  pg_partman: { package: "partman", home: "https://github.com/pgpartman/pg_partman" },
};

/** Where a server that lacks `extension` gets it. */
export function installAdvice(extension: string, serverMajor: number): string {
  const known = packages[extension];
  if (known) {
    return `install ${extension} on the database server: the package postgresql-${serverMajor}-${known.package} on Debian and Ubuntu, or see ${known.home}`;
  }
  return `install ${extension} on the database server (PostgreSQL's contrib modules come with the server on Debian and Ubuntu, in postgresql${serverMajor}-contrib elsewhere; other extensions from their own packages)`;
}
