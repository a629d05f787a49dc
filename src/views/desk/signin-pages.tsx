/** The desk's pages before a session: sign in, and a publisher's enrolment link. */
import { deskLabels } from './labels'
import { Bi, DeskLayout, biText, type DeskContext } from './layout'

/** The sign-in page; `refusal` says why a Cloudflare Access sign-in was refused. */
export function SignInPage(props: { ctx: DeskContext; refusal?: string }) {
  const w = deskLabels(props.ctx.language)
  return (
    <DeskLayout ctx={props.ctx} title={biText(w, 'signIn')} data={{ page: 'signin' }}>
      <h1>
        <Bi w={w} k="signIn" />
      </h1>
      <p>
        <Bi w={w} k="signInLead" />
      </p>
      <button type="button" id="signin" class="primary">
        <Bi w={w} k="signInButton" />
      </button>
      {props.refusal ? (
        <p id="status" role="alert" class="error">
          {props.refusal}
        </p>
      ) : (
        <p id="status" role="status" aria-live="polite"></p>
      )}
    </DeskLayout>
  )
}

export function EnrolPage(props: { ctx: DeskContext; publisher: string; token: string }) {
  const w = deskLabels(props.ctx.language)
  return (
    <DeskLayout
      ctx={props.ctx}
      title={biText(w, 'enrolTitle')}
      data={{ page: 'enrol', token: props.token }}
    >
      <h1>
        <Bi w={w} k="enrolTitle" />
      </h1>
      <p>
        <Bi w={w} k="enrolLead" /> <strong>{props.publisher}</strong>
      </p>
      <p>
        <Bi w={w} k="enrolOnce" />
      </p>
      <p class="field">
        <label for="label">
          <Bi w={w} k="label" />
        </label>
        <input id="label" name="label" maxlength={60} autocomplete="off" />
      </p>
      <button type="button" id="enrol" class="primary">
        <Bi w={w} k="enrolButton" />
      </button>
      <p id="status" role="status" aria-live="polite"></p>
    </DeskLayout>
  )
}

/** A used, expired or unknown enrolment link: what happened and what to do. */
export function EnrolRefusedPage(props: { ctx: DeskContext; detail: string }) {
  const w = deskLabels(props.ctx.language)
  return (
    <DeskLayout ctx={props.ctx} title={biText(w, 'linkUnusable')} data={{ page: 'refused' }}>
      <h1>
        <Bi w={w} k="linkUnusable" />
      </h1>
      <p lang="en">{props.detail}</p>
      <p>
        <a href="/desk/">
          <Bi w={w} k="signIn" />
        </a>
      </p>
    </DeskLayout>
  )
}
