// Care Commissioning branding of Camunda Admin (served in place of the webjar's own config.js; see
// META-INF/resources/webjars/camunda/app/*/styles/user-styles.css for the vendor banner and logo).
export default {
  // the header and the browser title read "Care Commissioning Admin"; the login page "Admin" under our name
  app: {
    name: 'Admin',
    vendor: 'Care Commissioning'
  },
  // no Camunda first-visit message on the login page
  disableWelcomeMessage: true
};
