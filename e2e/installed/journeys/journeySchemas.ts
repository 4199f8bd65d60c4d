/**
 * The three shapes of docs/getting-started.md's journeys, written for these tests: a MySQL schema under
 * `relationMode = "prisma"` (no foreign keys), a PostgreSQL schema with the citext extension, and the models
 * of an auth library (NextAuth's shapes: a model identified by `@@unique([identifier, token])`).
 */
export interface Journey {
  name: string;
  port: number;
  /** A new empty database of this kind is made for the journey (serveJourneys.ts). */
  provider: "mysql" | "postgresql" | "sqlite";
  schema: string;
}

export const journeys: Journey[] = [
  {
    name: "mysql-relation-mode",
    port: 4191,
    provider: "mysql",
    schema: `generator client {
  provider = "prisma-client-js"
}

datasource db {
  provider     = "mysql"
  relationMode = "prisma"
}

model Writer {
  id    Int    @id @default(autoincrement())
  name  String
  posts Post[]
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  writerId Int
  writer   Writer @relation(fields: [writerId], references: [id])

  @@index([writerId])
}
`,
  },
  {
    name: "postgres-citext",
    port: 4192,
    provider: "postgresql",
    schema: `generator client {
  provider        = "prisma-client-js"
  previewFeatures = ["postgresqlExtensions"]
}

datasource db {
  provider   = "postgresql"
  extensions = [citext]
}

model Member {
  id    Int    @id @default(autoincrement())
  email String @unique @db.Citext
  name  String
}
`,
  },
  {
    name: "nextauth",
    port: 4193,
    provider: "sqlite",
    schema: `generator client {
  provider = "prisma-client-js"
}

datasource db {
  provider = "sqlite"
}

model User {
  id            String    @id @default(cuid())
  name          String?
  email         String?   @unique
  emailVerified DateTime?
  accounts      Account[]
  sessions      Session[]
}

model Account {
  id                String  @id @default(cuid())
  userId            String
  type              String
  provider          String
  providerAccountId String
  refresh_token     String?
  access_token      String?
  user              User    @relation(fields: [userId], references: [id], onDelete: Cascade)

  @@unique([provider, providerAccountId])
}

model Session {
  id           String   @id @default(cuid())
  sessionToken String   @unique
  userId       String
  expires      DateTime
  user         User     @relation(fields: [userId], references: [id], onDelete: Cascade)
}

model VerificationToken {
  identifier String
  token      String
  expires    DateTime

  @@unique([identifier, token])
}
`,
  },
];
