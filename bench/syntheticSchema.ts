/**
 * A schema of `modelCount` models shaped like a real application's: each model has a dozen scalar fields, an
 * enum, and relations to earlier models, so that metadata loading is measured on a realistic datamodel.
 */
export function syntheticSchema(modelCount: number): string {
  const blocks = [
    'datasource db {\n  provider = "sqlite"\n}\n',
    "enum Status {\n  DRAFT\n  ACTIVE\n  ARCHIVED\n}\n",
  ];
  const backRelations = new Map<number, string[]>();
  for (let index = 0; index < modelCount; index += 1) {
    const parent = index > 0 ? (index * 7) % index : undefined;
    const lines = [
      `/// Model number ${index}.`,
      `model Entity${index} {`,
      "  id          Int      @id @default(autoincrement())",
      "  name        String",
      "  code        String   @unique",
      "  description String?",
      "  amount      Decimal  @default(0)",
      "  quantity    Int      @default(0)",
      "  ratio       Float?",
      "  big         BigInt?",
      "  active      Boolean  @default(true)",
      "  status      Status   @default(DRAFT)",
      "  payload     Json?",
      "  createdAt   DateTime @default(now())",
      "  updatedAt   DateTime @updatedAt",
    ];
    if (parent !== undefined) {
      lines.push(`  parentId    Int?`);
      lines.push(
        `  parent      Entity${parent}? @relation(fields: [parentId], references: [id], onDelete: SetNull)`,
      );
      backRelations.set(parent, [
        ...(backRelations.get(parent) ?? []),
        `  children${index} Entity${index}[]`,
      ]);
    }
    lines.push("}");
    blocks.push(lines.join("\n"));
  }
  return blocks
    .map((block, position) => {
      const index = position - 2;
      const extra = backRelations.get(index);
      return extra ? block.replace(/\n}$/, `\n${extra.join("\n")}\n}`) : block;
    })
    .join("\n\n");
}
