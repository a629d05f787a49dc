// micropub.rocks' server tests 100–206: creating posts, form-encoded and JSON.
import { created, entry, hasTags, MEDIA, showsPage, showsPhotos } from './harness.mjs'

const CHECKIN = {
  type: ['h-card'],
  properties: {
    name: ['Los Gorditos'],
    url: ['https://foursquare.com/v/502c4bbde4b06e61e06d1ebf'],
    latitude: [45.524330801154],
    longitude: [-122.68068808051],
    'street-address': ['922 NW Davis St'],
    locality: ['Portland'],
    region: ['OR'],
    'country-name': ['United States'],
    'postal-code': ['97209'],
  },
}

/** Number, name, and what the test sends and checks. */
export const CREATE_TESTS = [
  [
    100,
    'Create an h-entry post (form-encoded)',
    async (check, http) => {
      created(check, await http.form('h=entry&\ncontent=Micropub+test+of+creating+a+basic+h-entry'))
    },
  ],
  [
    101,
    'Create an h-entry post with multiple categories (form-encoded)',
    async (check, http) => {
      const res = await http.form(
        'h=entry&\ncontent=Micropub+test+of+creating+an+h-entry+with+categories.+This+post+should+have+two+categories,+test1+and+test2&\ncategory[]=test1&category[]=test2',
      )
      const url = created(check, res)
      if (url) await hasTags(check, http, url, ['test1', 'test2'])
    },
  ],
  [
    104,
    'Create an h-entry with a photo referenced by URL (form-encoded)',
    async (check, http) => {
      const photo = encodeURIComponent(`${MEDIA}sunset.jpg`)
      const res = await http.form(
        `h=entry&\ncontent=Micropub+test+of+creating+a+photo+referenced+by+URL&\nphoto=${photo}`,
      )
      const url = created(check, res)
      if (url) await showsPhotos(check, http, url, [[`${MEDIA}sunset.jpg`]])
    },
  ],
  [
    107,
    'Create an h-entry post with one category (form-encoded)',
    async (check, http) => {
      const res = await http.form(
        'h=entry&\ncontent=Micropub+test+of+creating+an+h-entry+with+one+category.+This+post+should+have+one+category,+test1&\ncategory=test1',
      )
      const url = created(check, res)
      if (url) await hasTags(check, http, url, ['test1'])
    },
  ],
  [
    200,
    'Create an h-entry post (JSON)',
    async (check, http) => {
      const content = ['Micropub test of creating an h-entry with a JSON request']
      created(check, await http.json(entry({ content })))
    },
  ],
  [
    201,
    'Create an h-entry post with multiple categories (JSON)',
    async (check, http) => {
      const res = await http.json(
        entry({
          content: [
            'Micropub test of creating an h-entry with a JSON request containing multiple categories. This post should have two categories, test1 and test2.',
          ],
          category: ['test1', 'test2'],
        }),
      )
      const url = created(check, res)
      if (url) await hasTags(check, http, url, ['test1', 'test2'])
    },
  ],
  [
    202,
    'Create an h-entry with HTML content (JSON)',
    async (check, http) => {
      const html = '<p>This post has <b>bold</b> and <i>italic</i> text.</p>'
      const url = created(check, await http.json(entry({ content: [{ html }] })))
      if (!url) return
      const page = await showsPage(check, http, url)
      check.that(
        page.includes('<b>bold</b>') && page.includes('<i>italic</i>'),
        'the HTML is not rendered',
      )
      check.that(!page.includes('&lt;b&gt;'), 'the HTML is escaped')
    },
  ],
  [
    203,
    'Create an h-entry with a photo referenced by URL (JSON)',
    async (check, http) => {
      const res = await http.json(
        entry({
          content: [
            'Micropub test of creating a photo referenced by URL. This post should include a photo of a sunset.',
          ],
          photo: [`${MEDIA}sunset.jpg`],
        }),
      )
      const url = created(check, res)
      if (url) await showsPhotos(check, http, url, [[`${MEDIA}sunset.jpg`]])
    },
  ],
  [
    204,
    'Create an h-entry post with a nested object (JSON)',
    async (check, http) => {
      const res = await http.json(
        entry({
          published: ['2017-05-31T12:03:36-07:00'],
          content: ['Lunch meeting'],
          checkin: [CHECKIN],
        }),
      )
      const url = created(check, res)
      if (!url) return
      // "Look at how your post is stored": what the endpoint holds, as q=source gives it back.
      const source = await http.query(`q=source&url=${encodeURIComponent(url)}`)
      const stored = source.json?.properties?.checkin
      check.that(
        JSON.stringify(stored) === JSON.stringify([CHECKIN]),
        `the stored checkin is ${JSON.stringify(stored)}`,
      )
      await showsPage(check, http, url)
    },
  ],
  [
    205,
    'Create an h-entry post with a photo with alt text (JSON)',
    async (check, http) => {
      const res = await http.json(
        entry({
          content: [
            'Micropub test of creating a photo referenced by URL with alt text. This post should include a photo of a sunset.',
          ],
          photo: [{ value: `${MEDIA}sunset.jpg`, alt: 'Photo of a sunset' }],
        }),
      )
      const url = created(check, res)
      if (url) await showsPhotos(check, http, url, [[`${MEDIA}sunset.jpg`, 'Photo of a sunset']])
    },
  ],
  [
    206,
    'Create an h-entry with multiple photos referenced by URL (JSON)',
    async (check, http) => {
      const photos = [`${MEDIA}sunset.jpg`, `${MEDIA}city-at-night.jpg`]
      const res = await http.json(
        entry({
          content: [
            'Micropub test of creating multiple photos referenced by URL. This post should include a photo of a city at night.',
          ],
          photo: photos,
        }),
      )
      const url = created(check, res)
      if (url)
        await showsPhotos(
          check,
          http,
          url,
          photos.map((p) => [p]),
        )
    },
  ],
]
