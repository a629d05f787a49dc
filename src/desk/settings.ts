/** Small named values the coordinator keeps between requests (the purge budget, and so on). */
export class Settings {
  constructor(private readonly sql: SqlStorage) {}

  get<T>(name: string): T | undefined {
    const row = this.sql
      .exec<{ value: string }>('SELECT value FROM settings WHERE name = ?', name)
      .toArray()[0]
    return row ? (JSON.parse(row.value) as T) : undefined
  }

  set(name: string, value: unknown): void {
    this.sql.exec(
      'INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
      name,
      JSON.stringify(value),
    )
  }
}
