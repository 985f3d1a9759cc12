// Care Commissioning branding of Camunda Tasklist (served in place of the webjar's own config.js; the webjar's
// keyboard shortcuts are kept). The vendor banner, logo, priority badge and "Create task" link are hidden in
// styles/user-styles.css.
export default {
  // the header and the browser title read "Care Commissioning Tasklist"; the login page "Tasklist" under our name
  app: {
    name: 'Tasklist',
    vendor: 'Care Commissioning'
  },
  // no Camunda first-visit message on the login page
  disableWelcomeMessage: true,
  // tells caseworkers what happened after they start a process or complete a task (scripts/care-commissioning.js)
  customScripts: ['scripts/care-commissioning'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
