import { defineConfig } from "atrium";
import { addNote, markShipped } from "./admin/orderActions.js";
import { sales } from "./admin/routes.js";
import * as catalogFields from "./prisma/seed/plan/catalogFields.js";
import * as peopleFields from "./prisma/seed/plan/peopleFields.js";
import * as salesFields from "./prisma/seed/plan/salesFields.js";

// The bookstore demo's admin: Atrium configured the way any project configures it.
export default defineConfig({
  schema: "prisma/schema.prisma",
  // The browser tests point ATRIUM_DEMO_DB at a database of their own, so they never touch your demo.
  databaseUrl: `file:${process.env.ATRIUM_DEMO_DB ?? ".data/demo.db"}`,
  fields: {
    // Staff passwords are set in the admin's forms and never shown; Customer.apiToken stays hidden by its name.
    "Staff.passwordHash": "writeOnly",
  },
  models: {
    Book: {
      // The book's page on the shop's site (a made-up domain: the demo has no shop).
      viewOnSite: "https://bookstore.example/books/{isbn}",
      // Which ISBN it is: the catalogue's thirteen-digit one (the name alone reads "ISBN").
      fieldLabels: { isbn: "ISBN-13" },
      form: {
        // The schema calls it the reviews' average, which only the shop's own code keeps: the demo's ratings
        // are seeded apart from its reviews (the list's "Avg. stars" column is computed from them).
        help: { rating: "Rating from 1 to 5, as the catalogue feed gives it; empty when the feed has none." },
      },
      list: {
        // What staff scan a catalogue by, then two columns computed for the page's books only (one grouped
        // statement over their reviews): five columns fit beside the sidebar without a sideways scroll, even
        // on a page whose titles and author names are long (a cell stops at 320 px).
        columns: ["title", "author", "isbn", "reviewCount", "averageStars"],
        computed: {
          reviewCount: { label: "Reviews", count: "reviews" },
          averageStars: { label: "Avg. stars", average: "reviews.stars" },
        },
      },
    },
    Customer: {
      form: {
        fieldsets: [
          { title: "Contact", fields: ["firstName", "lastName", "email", "phone"] },
          {
            title: "Marketing",
            description: "What the customer agreed to receive.",
            collapsed: true,
            fields: ["marketingOptIn"],
          },
        ],
        placeholder: { phone: "e.g. 555-0100" },
      },
    },
    Inventory: {
      list: {
        columns: ["edition", "warehouse", "quantity", "reorderLevel"],
        // Stock is counted shelf by shelf: staff type the counts straight into the list and save them together.
        editable: ["quantity", "reorderLevel"],
      },
    },
    Order: {
      list: {
        columns: ["number", "placedAt", "customer", "status", "total"],
        // Newest first: the orders staff work on are the recent ones.
        ordering: "-placedAt",
        // Years, months and days of placedAt above the list; @@index([placedAt]) keeps it fast.
        dateHierarchy: "placedAt",
      },
      form: {
        // What the shop's checkout charged; the admin shows it but never changes it or recomputes it.
        readOnly: ["total"],
        help: { total: "Amount charged, in USD, as the checkout recorded it. Read-only here." },
      },
      // Handlers run on the server only (admin/orderActions.ts); the browser gets their names and forms.
      bulkActions: [markShipped],
      recordActions: [addNote],
      // Django's inlines: an order's items are added, changed and removed on the order's own form, in one save.
      inlines: [{ relation: "items", fields: ["book", "edition", "quantity", "unitPrice", "discount"] }],
    },
  },
  // The demo's data: `npm run demo` runs `atrium seed` on a new database. Rows per model, sized so the demo
  // feels like a small shop's and seeds in seconds; the makers (prisma/seed/plan/) give bookstore values to the
  // fields whose defaults would not read like one. Relations are picked from the rows written before.
  seed: {
    seed: 2026,
    models: {
      Warehouse: { count: 6, fields: peopleFields.warehouse },
      Staff: { count: 20, fields: peopleFields.staff },
      Publisher: { count: 40, fields: catalogFields.publisher },
      Author: { count: 300, fields: catalogFields.author },
      Category: { count: 40, fields: catalogFields.category },
      Tag: { count: 40, fields: catalogFields.tag },
      Book: { count: 1_000, fields: catalogFields.book },
      Edition: { count: 2_000, fields: catalogFields.edition },
      Inventory: { count: 2_500, fields: salesFields.inventory },
      BookTranslation: { count: 400, fields: catalogFields.translation },
      Award: { count: 120, fields: catalogFields.award },
      Customer: { count: 1_500, fields: peopleFields.customer },
      CustomerProfile: { count: 900, fields: peopleFields.profile },
      Address: { count: 2_000, fields: peopleFields.address },
      Order: { count: 4_000, fields: salesFields.order },
      OrderItem: { count: 8_000, fields: salesFields.orderItem },
      Review: { count: 4_000, fields: salesFields.review },
      // Eight currencies over the last 90 days.
      ExchangeRate: { count: 8 * 90, fields: salesFields.exchangeRate },
      Setting: { count: 10, fields: salesFields.setting },
    },
  },
  routes: [sales],
  pages: [
    {
      key: "sales-overview",
      title: "Sales overview",
      description: "Orders to ship and records per model: a custom page inside the admin shell.",
      icon: "TrendingUp",
      // Shown to whoever may view orders, besides roles granted page:sales-overview:view.
      permission: "model:order:view",
      component: "./admin/SalesOverview.tsx",
    },
  ],
  widgets: [{ kind: "cell", model: "Review", field: "stars", component: "./admin/ReviewStars.tsx" }],
  slots: [
    {
      slot: "record.panel",
      model: "Book",
      title: "Stock by warehouse",
      component: "./admin/StockByWarehouse.tsx",
    },
  ],
});
