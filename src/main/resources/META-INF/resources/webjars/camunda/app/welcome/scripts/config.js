// Care Commissioning branding of Camunda Welcome (served in place of the webjar's own config.js; see
// META-INF/resources/webjars/camunda/app/*/styles/user-styles.css for the vendor banner and logo).
export default {
  // the header and the browser title read "Care Commissioning Welcome"; the login page "Welcome" under our name
  app: {
    name: 'Welcome',
    vendor: 'Care Commissioning'
  },
  // no Camunda first-visit message on the login page
  disableWelcomeMessage: true
};
