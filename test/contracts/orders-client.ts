/**
 * A small client of the orders API, as a consumer team would write it. The consumer
 * contract test exercises it against Pact's mock server.
 */
export interface Money {
  amount: string;
  currency: string;
}

export interface Order {
  id: string;
  customerId: string;
  status: 'pending' | 'paid' | 'shipped' | 'cancelled';
  lines: { sku: string; quantity: number; unitPrice?: Money }[];
  total: Money;
  note?: string | null;
  createdAt: string;
}

export class OrdersClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async getOrder(id: string): Promise<Order | null> {
    const response = await fetch(`${this.baseUrl}/v2/orders/${encodeURIComponent(id)}`, {
      headers: this.headers(),
    });
    if (response.status === 404) return null;
    return (await this.ok(response)) as Order;
  }

  async listOrders(status: Order['status'], limit: number): Promise<Order[]> {
    const query = new URLSearchParams({ status, limit: String(limit) });
    const response = await fetch(`${this.baseUrl}/v2/orders?${query.toString()}`, {
      headers: this.headers(),
    });
    return ((await this.ok(response)) as { items: Order[] }).items;
  }

  async placeOrder(customerId: string, lines: Order['lines']): Promise<Order> {
    const response = await fetch(`${this.baseUrl}/v2/orders`, {
      method: 'POST',
      headers: { ...this.headers(), 'content-type': 'application/json' },
      body: JSON.stringify({ customerId, lines }),
    });
    return (await this.ok(response)) as Order;
  }

  private headers(): Record<string, string> {
    return { accept: 'application/json', authorization: `Bearer ${this.token}` };
  }

  private async ok(response: Response): Promise<unknown> {
    if (!response.ok) throw new Error(`orders API answered ${response.status}`);
    return response.json();
  }
}
