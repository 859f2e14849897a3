using Workflow.Domain.Audit;
using Workflow.Domain.Catalog;

namespace Workflow.Domain.Tests.Audit;

public sealed class JournalCheckpointTests
{
    private static readonly JournalKey Key = JournalKey.Parse("unit-tests-journal-key-0123456789-abcdefghijklmnop");
    private static readonly Guid Plan = Guid.NewGuid();

    private static JournalCheckpoint Taken() => JournalCheckpoint.Create(new DateTimeOffset(2025, 1, 6, 2, 0, 0, TimeSpan.Zero), true,
        [
            PlanHeads.Of(Plan, [new InstanceHead(Guid.NewGuid(), 4, new string('a', 64)), new InstanceHead(Guid.NewGuid(), 6, new string('b', 64))],
                [new BalanceHead(Guid.NewGuid(), FundingSource.Central, 9, new string('c', 64))]),
            PlanHeads.Of(null, [new InstanceHead(Guid.NewGuid(), 0, new string('d', 64))], []),
        ], Key);

    [Fact]
    public void Create_WhenSigned_IsSignedByItsKeyAndByNoOther()
    {
        var checkpoint = Taken();

        Assert.True(checkpoint.IsSignedBy(Key));
        Assert.False(checkpoint.IsSignedBy(JournalKey.Parse("someone-elses-journal-key-0123456789-abcdefghij")));
        Assert.Equal((Key.Id, 3, 13L, 1, 9L), (checkpoint.KeyId, checkpoint.Instances, checkpoint.Entries, checkpoint.BalanceRows, checkpoint.LedgerEntries));
    }

    [Fact]
    public void IsSignedBy_WhenAHeadIsMovedBack_IsFalse()
    {
        var checkpoint = Taken();
        var plan = checkpoint.Plans.Single(p => p.PlanId == Plan);
        var edited = checkpoint with
        {
            Plans = [plan with { Instances = [plan.Instances[0] with { Sequence = 3 }, plan.Instances[1]] }, .. checkpoint.Plans.Where(p => p != plan)],
        };

        Assert.False(edited.IsSignedBy(Key));
    }

    [Fact]
    public void ComputeHash_WhenRecomputedFromTheListedHeads_IsThePlansHash()
    {
        Assert.All(Taken().Plans, plan => Assert.Equal(plan.Hash, plan.ComputeHash()));
    }
}
