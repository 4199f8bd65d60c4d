import { createMemoryAuthStore } from "./memoryAuthStore.js";
import { authStoreContract } from "./testing/authStoreContract.js";

authStoreContract("memory", async () => ({ store: createMemoryAuthStore(), close: async () => {} }));
