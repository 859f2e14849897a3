#!/usr/bin/env bash
# Adds a migration for the current model on both engines, with the local dotnet-ef tool:
#   SQLite     (WorkflowDbContext)         -> src/Workflow.Infrastructure/Persistence/Migrations
#   PostgreSQL (PostgresWorkflowDbContext) -> src/Workflow.Infrastructure/Persistence/PostgresMigrations
# usage: bash scripts/add-migration.sh Name
# Neither reads a database. The compiled models are regenerated first (scripts/compile-model.sh, which builds).
# MigrationTests (in the API tests) fails while either set, or either compiled model, lags behind the model.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: bash scripts/add-migration.sh MigrationName}

# first: a compiled model that no longer fits the changed entities would not build (it builds the project, too)
bash scripts/compile-model.sh
ef=(dotnet ef migrations add "$name" --project src/Workflow.Infrastructure --startup-project src/Workflow.Infrastructure
    --configuration Release --no-build)
"${ef[@]}" --context WorkflowDbContext --output-dir Persistence/Migrations
"${ef[@]}" --context PostgresWorkflowDbContext --output-dir Persistence/PostgresMigrations
