// Care Commissioning branding of Camunda Cockpit (served in place of the webjar's own config.js; see
// META-INF/resources/webjars/camunda/app/*/styles/user-styles.css for the vendor banner and logo).
export default {
  // the header and the browser title read "Care Commissioning Cockpit"; the login page "Cockpit" under our name
  app: {
    name: 'Cockpit',
    vendor: 'Care Commissioning'
  },
  // no Camunda first-visit message on the login page
  disableWelcomeMessage: true
};
