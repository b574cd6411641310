// CloudFormation properties of the one table, for serverless.yml `resources`: infra/table.json plus the
// stage's table name. Local start-up and tests read the same table.json (infra/table-definition.ts).
const definition = require('./table.json');

module.exports.properties = ({ resolveVariable }) =>
  resolveVariable('self:custom.tableName').then((TableName) => ({ TableName, ...definition }));
