export { createPrismaDataSource, type PrismaDataSourceOptions } from "./createPrismaDataSource.js";
export { mapPrismaError, type PrismaErrorContext } from "./mapPrismaError.js";
export type { PrismaClientLike } from "./prismaClient.js";
