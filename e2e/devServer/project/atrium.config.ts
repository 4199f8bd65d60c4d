import { defineConfig } from "atrium";
import { board } from "./admin/routes.js";

export default defineConfig({
  schema: "prisma/schema.prisma",
  databaseUrl: "file:./dev.db",
  routes: [board],
  pages: [{ key: "board", title: "Notes board", icon: "StickyNote", component: "./admin/NotesBoard.tsx" }],
});
