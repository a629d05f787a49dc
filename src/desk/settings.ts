/**
 * Small named values the coordinator keeps between requests (the purge budget, and so on).
 * Only this object writes them, so they are read from SQLite once and then from memory: a
 * publish consults them several times, and each statement costs more than its row. A write
 * transaction that rolls back calls `forget`, so the memory is never ahead of SQLite.
 */
export class Settings {
  private readonly known = new Map<string, string | undefined>()

  constructor(private readonly sql: SqlStorage) {}

  get<T>(name: string): T | undefined {
    if (!this.known.has(name)) {
      const row = this.sql
        .exec<{ value: string }>('SELECT value FROM settings WHERE name = ?', name)
        .toArray()[0]
      this.known.set(name, row?.value)
    }
    const value = this.known.get(name)
    return value === undefined ? undefined : (JSON.parse(value) as T)
  }

  set(name: string, value: unknown): void {
    const json = JSON.stringify(value)
    if (this.known.get(name) === json) return
    this.sql.exec(
      'INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
      name,
      json,
    )
    this.known.set(name, json)
  }

  /** Drops what memory holds: the next reads come from SQLite again. */
  forget(): void {
    this.known.clear()
  }
}
