import { lazy, Suspense } from "react";
import type { RouteObject } from "react-router";
import { Shell } from "./shell/Shell.js";

// Each view is its own chunk: opening the overview or a list never downloads the form code.
const HomePage = lazy(() => import("./pages/HomePage.js").then((module) => ({ default: module.HomePage })));
const ListPage = lazy(() => import("./list/ListPage.js").then((module) => ({ default: module.ListPage })));
const RecordPage = lazy(() =>
  import("./record/RecordPage.js").then((module) => ({ default: module.RecordPage })),
);
const EditPage = lazy(() => import("./form/EditPage.js").then((module) => ({ default: module.EditPage })));
const CreatePage = lazy(() =>
  import("./form/CreatePage.js").then((module) => ({ default: module.CreatePage })),
);
const RecordHistoryPage = lazy(() =>
  import("./history/RecordHistoryPage.js").then((module) => ({ default: module.RecordHistoryPage })),
);
const HistoryPage = lazy(() =>
  import("./history/HistoryPage.js").then((module) => ({ default: module.HistoryPage })),
);
const CustomPageRoute = lazy(() =>
  import("./pages/CustomPageRoute.js").then((module) => ({ default: module.CustomPageRoute })),
);
const UsersPage = lazy(() =>
  import("./users/UsersPage.js").then((module) => ({ default: module.UsersPage })),
);
const AccountTokensPage = lazy(() =>
  import("./tokens/AccountTokensPage.js").then((module) => ({ default: module.AccountTokensPage })),
);
const UserFormPage = lazy(() =>
  import("./users/UserFormPage.js").then((module) => ({ default: module.UserFormPage })),
);
const RolesPage = lazy(() =>
  import("./users/RolesPage.js").then((module) => ({ default: module.RolesPage })),
);
const RoleFormPage = lazy(() =>
  import("./users/RoleFormPage.js").then((module) => ({ default: module.RoleFormPage })),
);
// RapiDoc is imported by the page itself when it opens: neither it nor the page is in the main bundle.
const ApiReferencePage = lazy(() =>
  import("./apiReference/ApiReferencePage.js").then((module) => ({ default: module.ApiReferencePage })),
);
const LoginPage = lazy(() => import("./auth/LoginPage.js").then((module) => ({ default: module.LoginPage })));
const NotFoundPage = lazy(() =>
  import("./pages/NotFoundPage.js").then((module) => ({ default: module.NotFoundPage })),
);

export function adminRoutes(): RouteObject[] {
  return [
    // Outside the shell: nothing of the admin shows before sign-in.
    {
      path: "/login",
      element: (
        <Suspense fallback={null}>
          <LoginPage />
        </Suspense>
      ),
    },
    {
      path: "/",
      element: <Shell />,
      children: [
        { index: true, element: <HomePage /> },
        { path: "m/:modelKey", element: <ListPage /> },
        { path: "m/:modelKey/new", element: <CreatePage /> },
        { path: "m/:modelKey/:id", element: <RecordPage /> },
        { path: "m/:modelKey/:id/edit", element: <EditPage /> },
        { path: "m/:modelKey/:id/history", element: <RecordHistoryPage /> },
        { path: "history", element: <HistoryPage /> },
        { path: "api-reference", element: <ApiReferencePage /> },
        { path: "admin/users", element: <UsersPage /> },
        { path: "admin/users/new", element: <UserFormPage /> },
        { path: "admin/users/:id", element: <UserFormPage /> },
        { path: "admin/roles", element: <RolesPage /> },
        { path: "account/tokens", element: <AccountTokensPage /> },
        { path: "admin/roles/new", element: <RoleFormPage /> },
        { path: "admin/roles/:id", element: <RoleFormPage /> },
        { path: "pages/:pageKey", element: <CustomPageRoute /> },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ];
}
