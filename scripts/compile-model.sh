#!/usr/bin/env bash
# Regenerates the compiled EF Core model of each engine, with the local dotnet-ef tool:
#   SQLite     (WorkflowDbContext)         -> src/Workflow.Infrastructure/Persistence/CompiledModels/Sqlite
#   PostgreSQL (PostgresWorkflowDbContext) -> src/Workflow.Infrastructure/Persistence/CompiledModels/Postgres
# usage: bash scripts/compile-model.sh   (scripts/add-migration.sh runs it before adding the migrations)
# The server takes the compiled model instead of building one at start-up (EF Core finds it by its assembly attribute).
# MigrationTests (in the API tests) fails while either lags behind the configurations.
set -euo pipefail
cd "$(dirname "$0")/.."
models=src/Workflow.Infrastructure/Persistence/CompiledModels

dotnet tool restore >/dev/null
# the old model is removed first: it may no longer compile against the changed entities, and the design-time model
# the tool generates from is built from the configurations whether or not one is present
rm -rf "$models"
dotnet build src/Workflow.Infrastructure -c Release --nologo -clp:ErrorsOnly
optimize=(dotnet ef dbcontext optimize --project src/Workflow.Infrastructure --startup-project src/Workflow.Infrastructure
          --configuration Release --no-build)
"${optimize[@]}" --context WorkflowDbContext --output-dir Persistence/CompiledModels/Sqlite \
    --namespace Workflow.Infrastructure.Persistence.CompiledModels.Sqlite >/dev/null
"${optimize[@]}" --context PostgresWorkflowDbContext --output-dir Persistence/CompiledModels/Postgres \
    --namespace Workflow.Infrastructure.Persistence.CompiledModels.Postgres >/dev/null
echo "compiled models regenerated in $models"
