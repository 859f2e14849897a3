using Microsoft.EntityFrameworkCore.Update;

namespace Workflow.Infrastructure.Persistence;

/// <summary>
/// The statements of one save sent to SQLite as one command, as EF Core sends them to PostgreSQL. EF Core's SQLite
/// provider sends each insert and update as a command of its own — there is no network to save a round trip on — but
/// each command costs the server its own command object, parameters, reader, logging and interceptors: a transition
/// writes 8 to 13 rows. The batch is EF Core's own (<see cref="AffectedCountModificationCommandBatch"/>, the base of
/// the one-statement batch SQLite gets by default), so the checks are the same: an update whose revision no longer
/// matches returns no row and fails the save with the entries that lost, and the save's transaction keeps nothing.
/// </summary>
public sealed class SqliteBatchedSaves(ModificationCommandBatchFactoryDependencies dependencies) : IModificationCommandBatchFactory
{
    /// <summary>Statements per command: well inside SQLite's 32,766 parameters with the widest rows (about 25 columns).</summary>
    public const int MaxStatements = 100;

    public ModificationCommandBatch Create() => new Batch(dependencies);

    private sealed class Batch(ModificationCommandBatchFactoryDependencies dependencies) : AffectedCountModificationCommandBatch(dependencies, MaxStatements);
}
