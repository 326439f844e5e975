// Runs before the GraphiQL bundle: its Monaco editor asks this for the URL of each worker.
// Yoga's page turns strings into blob: URLs; these are files served next to this one.
self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: (_moduleId, label) => {
    if (label === "json") return "/graphiql/json.worker.js";
    if (label === "graphql") return "/graphiql/graphql.worker.js";
    return "/graphiql/editor.worker.js";
  },
};
