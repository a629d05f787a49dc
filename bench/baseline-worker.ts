// The baseline: a Worker on the same runtime that answers every GET with the same bytes,
// set once by a POST, so the benchmark can compare edgefeed's cache hit against it.
let body: ArrayBuffer = new ArrayBuffer(0)
let type = 'text/plain'

export default {
  async fetch(request: Request) {
    if (request.method === 'POST') {
      body = await request.arrayBuffer()
      type = request.headers.get('Content-Type') ?? type
      return new Response(null, { status: 204 })
    }
    return new Response(body, { headers: { 'Content-Type': type } })
  },
}
