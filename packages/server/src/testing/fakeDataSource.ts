import type { DataSource } from "@atrium/core";

type Methods = Omit<DataSource, "provider">;

/**
 * A DataSource whose every method throws unless the test supplies it, so a route that calls the database
 * more (or differently) than the test expects fails loudly.
 */
export function fakeDataSource(methods: Partial<Methods> = {}): DataSource {
  const unexpected = (name: string) => () => {
    throw new Error(`fakeDataSource: unexpected call to ${name}()`);
  };
  return {
    provider: "sqlite",
    list: methods.list ?? unexpected("list"),
    get: methods.get ?? unexpected("get"),
    create: methods.create ?? unexpected("create"),
    createMany: methods.createMany ?? unexpected("createMany"),
    readValues: methods.readValues ?? unexpected("readValues"),
    update: methods.update ?? unexpected("update"),
    delete: methods.delete ?? unexpected("delete"),
    deleteMany: methods.deleteMany ?? unexpected("deleteMany"),
    deletePreview: methods.deletePreview ?? unexpected("deletePreview"),
    lookup: methods.lookup ?? unexpected("lookup"),
    transaction: methods.transaction ?? unexpected("transaction"),
    count: methods.count ?? unexpected("count"),
    close: methods.close ?? unexpected("close"),
  };
}
