/**
 * The 300-model schema the start-up benchmark serves: the benchmarks' synthetic schema (a dozen scalars, an
 * enum and a parent relation per model) for most models, plus the shapes real projects add that it lacks:
 * composite primary keys, compound unique keys, relations over two columns, string ids, several enums,
 * implicit many-to-many and self relations.
 */
import { syntheticSchema } from "./syntheticSchema.js";

/** How many of the models are of the extra shapes; the rest come from syntheticSchema. */
const shapedGroups = 10;
const modelsPerGroup = 5;

export function startupSchema(modelCount = 300): string {
  const plain = modelCount - shapedGroups * modelsPerGroup;
  if (plain < 1) throw new Error(`startupSchema needs more than ${shapedGroups * modelsPerGroup} models`);
  let base = syntheticSchema(plain);
  const blocks: string[] = [];
  for (let group = 0; group < shapedGroups; group += 1) {
    const entity = `Entity${(group * 13) % plain}`;
    blocks.push(shapedGroup(group, entity));
    // Prisma wants both sides of a relation: the plain model gets the list of its memberships.
    base = base.replace(
      new RegExp(`(model ${entity} \\{[^}]*)\\n}`),
      `$1\n  memberships${group} Membership${group}[]\n}`,
    );
  }
  return [base, ...blocks].join("\n\n");
}

/** Five models that reference each other and one plain model (`entity`) the ways real schemas do. */
function shapedGroup(g: number, entity: string): string {
  return `enum Role${g} {
  OWNER
  EDITOR
  VIEWER
}

enum Priority${g} {
  LOW
  NORMAL
  HIGH
  URGENT
}

/// An account with a string id, a self relation and tags (implicit many-to-many).
model Account${g} {
  id          String    @id @default(cuid())
  email       String    @unique
  displayName String?
  referrerId  String?
  referrer    Account${g}?  @relation("Referrals${g}", fields: [referrerId], references: [id])
  referrals   Account${g}[] @relation("Referrals${g}")
  tags        Tag${g}[]
  memberships Membership${g}[]
  createdAt   DateTime  @default(now())
}

model Tag${g} {
  id       Int        @id @default(autoincrement())
  label    String     @unique
  accounts Account${g}[]
}

/// A composite primary key over two references.
model Membership${g} {
  accountId String
  entityId  Int
  role      Role${g}     @default(VIEWER)
  joinedAt  DateTime @default(now())
  account   Account${g}  @relation(fields: [accountId], references: [id], onDelete: Cascade)
  entity    ${entity}  @relation(fields: [entityId], references: [id], onDelete: Cascade)
  tasks     Task${g}[]

  @@id([accountId, entityId])
}

/// A relation over the two columns of a composite key, and a compound unique key.
model Task${g} {
  id          Int        @id @default(autoincrement())
  accountId   String
  entityId    Int
  title       String
  priority    Priority${g}  @default(NORMAL)
  dueOn       DateTime?
  done        Boolean    @default(false)
  membership  Membership${g} @relation(fields: [accountId, entityId], references: [accountId, entityId])
  comments    Comment${g}[]

  @@unique([entityId, title])
  @@index([accountId])
}

model Comment${g} {
  id     String @id @default(uuid())
  taskId Int
  body   String
  task   Task${g}  @relation(fields: [taskId], references: [id], onDelete: Cascade)
}`;
}
