/**
 * Public requests through the model of Workers Cache, with the purges the Worker logs
 * replayed against it, as a reader on Cloudflare would meet the site.
 */
import { SITE, workerFetch } from '../helpers'
import { onPurgeLine } from './purge-log'
import { WorkersCacheModel, type CacheStatus } from './workers-cache'

export interface Edge {
  cache: WorkersCacheModel
  /** A GET (or another method) through the cache; `status` is what `Cf-Cache-Status` would say. */
  get(path: string, init?: RequestInit): Promise<{ response: Response; status: CacheStatus }>
  /** The Worker's own answer, as a cache miss gets it. */
  render(path: string, headers?: HeadersInit): Promise<Response>
  stop(): void
}

/**
 * `sabotage` changes what the Worker answers before the cache sees it: the tests use it to
 * show that they notice a route that forgot a tag.
 */
export function edge(options: { sabotage?: (path: string, res: Response) => Response } = {}): Edge {
  const cache = new WorkersCacheModel()
  const origin = async (request: Request) => {
    const res = await workerFetch(request)
    return options.sabotage ? options.sabotage(new URL(request.url).pathname, res) : res
  }
  const stop = onPurgeLine((line) => cache.purge(line.purge))
  return {
    cache,
    get: (path, init) => cache.fetch(new Request(SITE + path, init), origin),
    render: (path, headers) => workerFetch(new Request(SITE + path, { headers })),
    stop,
  }
}
