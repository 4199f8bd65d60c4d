import { PageHeader, useRouteQuery, useUpdateRecord } from "atrium/client";

interface LowStock {
  products: { id: string; name: string; stock: number }[];
}

/** Products low on stock, from the project's own route, restocked through the admin's shared mutation. */
export default function RestockPage() {
  const lowStock = useRouteQuery<LowStock>("inventory", "/low-stock");
  const update = useUpdateRecord("product");
  const products = lowStock.data?.products ?? [];
  return (
    <>
      <PageHeader title="Restock" />
      <p data-testid="low-stock">{lowStock.data ? `${products.length} low on stock` : "Loading…"}</p>
      <ul>
        {products.map((product) => (
          <li key={product.id}>
            {product.name}: {product.stock}{" "}
            <button type="button" onClick={() => update.mutate({ id: product.id, body: { stock: 100 } })}>
              Restock {product.name}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
