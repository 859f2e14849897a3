#!/usr/bin/env bash
# Adds a migration for the current model on both engines, with the local dotnet-ef tool:
#   SQLite     (WorkflowDbContext)         -> src/Workflow.Infrastructure/Persistence/Migrations
#   PostgreSQL (PostgresWorkflowDbContext) -> src/Workflow.Infrastructure/Persistence/PostgresMigrations
# usage: bash scripts/add-migration.sh Name
# Neither reads a database. MigrationTests (in the API tests) fails while either set lags behind the model.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: bash scripts/add-migration.sh MigrationName}

dotnet tool restore >/dev/null
dotnet build src/Workflow.Infrastructure -c Release --nologo -clp:ErrorsOnly
ef=(dotnet ef migrations add "$name" --project src/Workflow.Infrastructure --startup-project src/Workflow.Infrastructure
    --configuration Release --no-build)
"${ef[@]}" --context WorkflowDbContext --output-dir Persistence/Migrations
"${ef[@]}" --context PostgresWorkflowDbContext --output-dir Persistence/PostgresMigrations
