import { connection } from "next/server";

// The floor for the HTTP benchmark: a dynamic page rendering a 25-row table and
// nothing else, no session, no database, no translations.
export default async function FloorPage() {
  await connection();
  const start = Date.UTC(2026, 0, 1);
  const rows = Array.from({ length: 25 }, (_, i) => ({
    id: i,
    email: `person${i}@example.com`,
    sent: new Date(start - i * 60_000).toISOString(),
  }));
  return (
    <main>
      <h1>Floor</h1>
      <table>
        <caption>Invitations</caption>
        <thead>
          <tr>
            <th>Status</th>
            <th>Email</th>
            <th>Sent</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>Pending</td>
              <td>{r.email}</td>
              <td>{r.sent}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
