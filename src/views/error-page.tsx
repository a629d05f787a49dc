import { Layout, type PageMeta, type Site } from './layout'

/** 404 and 410 in the site's style. */
export function ErrorPage(props: { site: Site; meta: PageMeta; heading: string; text: string }) {
  const { site } = props
  return (
    <Layout site={site} meta={props.meta}>
      <h1>{props.heading}</h1>
      <p>{props.text}</p>
      <p>
        <a href={`${site.prefix}/`}>{site.labels.home}</a>
      </p>
    </Layout>
  )
}
