// micropub.rocks' server tests 400–503: updating, deleting and undeleting posts.
import { created, entry, hasTags, showsPage } from './harness.mjs'

/**
 * The suite's `update-test-basic`: a post, then an update, which passes with 200, 204, or 201
 * and a Location; `then` checks the post.
 */
async function updateTest(check, http, post, update, then) {
  const url = created(check, await http.json(post))
  if (!url) return
  const res = await http.json({ action: 'update', url, ...update })
  check.that(
    res.status === 200 || res.status === 204 || (res.status === 201 && Boolean(res.location)),
    `the update answered ${res.status}: ${res.text.slice(0, 200)}`,
  )
  await then(res.location ?? url)
}

/** The suite's `delete-test` and `undelete-test`: a post, its delete, and its undelete. */
async function deleteTest(check, http, format, content, undelete) {
  const form = format === 'form'
  const url = created(
    check,
    form
      ? await http.form(`h=entry&content=${content.replace(/ /g, '+')}`)
      : await http.json(entry({ content: [content] })),
  )
  if (!url) return
  const act = (action) =>
    form ? http.form(`action=${action}&url=${url}`) : http.json({ action, url })
  const deleted = await act('delete')
  check.that([200, 201, 204].includes(deleted.status), `the delete answered ${deleted.status}`)
  // "Check that the post was deleted": its page is gone.
  const gone = await http.page(url)
  check.that([404, 410].includes(gone.status), `the deleted post's page answered ${gone.status}`)
  if (!undelete) return
  const restored = await act('undelete')
  check.that([200, 201, 204].includes(restored.status), `the undelete answered ${restored.status}`)
  await showsPage(check, http, url)
}

const REPLACED = 'This is the updated text. If you can see this you passed the test!'

/** Number, name, and what the test sends and checks. */
export const CHANGE_TESTS = [
  [
    400,
    'Replace a property',
    (check, http) =>
      updateTest(
        check,
        http,
        entry({
          content: ['Micropub update test. This text should be replaced if the test succeeds.'],
        }),
        { replace: { content: [REPLACED] } },
        async (url) => {
          const page = await showsPage(check, http, url)
          check.that(
            page.includes(REPLACED) && !page.includes('This text should be replaced'),
            'the post does not show only the replaced text',
          )
        },
      ),
  ],
  [
    401,
    'Add a value to an existing property',
    (check, http) =>
      updateTest(
        check,
        http,
        entry({
          content: [
            'Micropub update test for adding a category. After you run the update, this post should have two categories: test1 and test2.',
          ],
          category: ['test1'],
        }),
        { add: { category: ['test2'] } },
        (url) => hasTags(check, http, url, ['test1', 'test2']),
      ),
  ],
  [
    402,
    'Add a value to a non-existent property',
    (check, http) =>
      updateTest(
        check,
        http,
        entry({
          content: [
            'This test adds a category property to a post that previously had no category. After you run the update, this post should have the category test1.',
          ],
        }),
        { add: { category: ['test1'] } },
        (url) => hasTags(check, http, url, ['test1']),
      ),
  ],
  [
    403,
    'Remove a value from a property',
    (check, http) =>
      updateTest(
        check,
        http,
        entry({
          content: [
            'This test deletes a category from the post. After you run the update, this post should have only the category test1.',
          ],
          category: ['test1', 'test2'],
        }),
        { delete: { category: ['test2'] } },
        (url) => hasTags(check, http, url, ['test1']),
      ),
  ],
  [
    404,
    'Remove a property',
    (check, http) =>
      updateTest(
        check,
        http,
        entry({
          content: [
            'This test deletes the category property from the post. After you run the update, this post should have no categories.',
          ],
          category: ['test1', 'test2'],
        }),
        { delete: ['category'] },
        (url) => hasTags(check, http, url, []),
      ),
  ],
  [
    405,
    'Reject the request if operation is not an array',
    async (check, http) => {
      const url = created(
        check,
        await http.json(entry({ content: ['Micropub update test #405.'] })),
      )
      if (!url) return
      const res = await http.json({
        action: 'update',
        url,
        replace: 'This is not a valid update request.',
      })
      check.that(res.status === 400, `the invalid update answered ${res.status}`)
    },
  ],
  [
    500,
    'Delete a post (form-encoded)',
    (check, http) =>
      deleteTest(check, http, 'form', 'This post will be deleted when the test succeeds.', false),
  ],
  [
    501,
    'Delete a post (JSON)',
    (check, http) =>
      deleteTest(check, http, 'json', 'This post will be deleted when the test succeeds.', false),
  ],
  [
    502,
    'Undelete a post (form-encoded)',
    (check, http) =>
      deleteTest(
        check,
        http,
        'form',
        'This post will be deleted, and should be restored after undeleting it.',
        true,
      ),
  ],
  [
    503,
    'Undelete a post (JSON)',
    (check, http) =>
      deleteTest(
        check,
        http,
        'json',
        'This post will be deleted, and should be restored after undeleting it.',
        true,
      ),
  ],
]
