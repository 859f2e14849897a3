using Workflow.Domain.Audit;
using Workflow.Domain.Catalog;
using Workflow.Domain.Ledger;
using Workflow.Domain.Workflows;

namespace Workflow.Domain.Tests.Audit;

public sealed class JournalChainCheckTests
{
    private static readonly JournalKey Key = JournalKey.Parse("unit-tests-journal-key-0123456789-abcdefghijklmnop");
    private static readonly JournalKeyRing Ring = new(Key);
    private static readonly DateTimeOffset Now = new(2024, 5, 6, 2, 0, 0, TimeSpan.Zero);
    private static readonly Actor Clerk = new(Guid.NewGuid(), "nongnghiep", ["LeadAgency"], "BP.HQ.NN", "BP.HQ");
    private const string SubjectText = "subject=\"Proposal\"\ntitle=\"Mô hình nuôi bò\"\n";

    private static readonly WorkflowDefinition Process = new(
        "proposal", 1, "Đề xuất", "Proposal", "Draft",
        [
            new StateDefinition("Draft", "Dự thảo", false, null),
            new StateDefinition("Submitted", "Đã gửi", false, null),
            new StateDefinition("Approved", "Đã phê duyệt", true, null),
        ],
        [
            new TransitionDefinition("Draft", "submit", "Submitted", "Gửi", ["LeadAgency"], false, [], [], []),
            new TransitionDefinition("Submitted", "approve", "Approved", "Phê duyệt", ["Approver"], false, [], [], []),
        ]);

    /// <summary>An instance that went Draft → Submitted → Approved, its three sealed entries, and a commit movement of the approval.</summary>
    private static (WorkflowInstance Instance, List<JournalEntry> Entries, ILookup<int, LedgerEntry> Movements) Approved(JournalKey? key = null)
    {
        key ??= Key;
        var instance = new WorkflowInstance(Guid.NewGuid(), Process, new WorkflowSubject("Proposal", Guid.NewGuid(), "BP.HQ", "BP.HQ.NN", "BP"), "nongnghiep", Now);
        var balance = new BudgetBalance(Guid.NewGuid(), Guid.NewGuid(), "DA2", FundingSource.Central);
        balance.Apply(LedgerEntryKind.Allocate, 1_000_000, new LedgerReference(Now, "taichinh", "Giao"));
        var commit = balance.Apply(LedgerEntryKind.Commit, 300_000, new LedgerReference(Now, "chutich", "Cam kết", InstanceId: instance.Id, JournalSequence: 2));
        var movements = new[] { commit }.ToLookup(m => m.JournalSequence ?? -1);

        var entries = new List<JournalEntry>();
        var previous = JournalEntry.Genesis;
        void Add(int sequence, string? from, string action, string to)
        {
            var entry = new JournalEntry(instance, sequence, Now.AddDays(sequence), Clerk, "LeadAgency", from, action, to, null, "{}", previous);
            entry.Seal(key, previous, SubjectText, LedgerMovements.TextOf(movements[sequence]));
            entries.Add(entry);
            previous = entry.Hash;
        }
        Add(0, null, "start", "Draft");
        instance.MoveTo(Process.State("Submitted"), Now);
        Add(1, "Draft", "submit", "Submitted");
        instance.MoveTo(Process.State("Approved"), Now);
        Add(2, "Submitted", "approve", "Approved");
        return (instance, entries, movements);
    }

    private static List<AuditProblem> Check(WorkflowInstance instance, IReadOnlyList<JournalEntry> entries, ILookup<int, LedgerEntry> movements, string subject = SubjectText) =>
        new JournalChainCheck(Ring, long.MaxValue).Check(instance, entries, 0, subject, movements);

    [Fact]
    public void Check_WhenNothingWasTouched_FindsNothing()
    {
        var (instance, entries, movements) = Approved();

        Assert.Empty(Check(instance, entries, movements));
    }

    [Fact]
    public void Check_WhenACommentIsWrittenIntoASealedEntry_ReportsThatEntrysSeal()
    {
        var (instance, entries, movements) = Approved();
        Tamper.Set(entries[1], nameof(JournalEntry.Comment), "Hồ sơ đầy đủ.");

        var problem = Assert.Single(Check(instance, entries, movements));

        Assert.Equal((AuditProblemCodes.JournalHash, instance.Id, 1), (problem.Code, problem.InstanceId, problem.Sequence));
    }

    [Fact]
    public void Check_WhenTheMiddleEntryIsMissing_ReportsTheGapAndTheBrokenLinkAtTheNextOne()
    {
        var (instance, entries, movements) = Approved();
        entries.RemoveAt(1);

        var problems = Check(instance, entries, movements);

        Assert.Equal([AuditProblemCodes.JournalSequence, AuditProblemCodes.JournalLink], problems.Select(p => p.Code));
        Assert.All(problems, p => Assert.Equal(2, p.Sequence));
    }

    [Fact]
    public void Check_WhenSealedWithAKeyNotInTheRing_ReportsEveryEntryReKeyed()
    {
        var (instance, entries, movements) = Approved(JournalKey.Parse("someone-elses-journal-key-0123456789-abcdefghij"));

        var problems = Check(instance, entries, movements);

        Assert.Equal(3, problems.Count(p => p.Code == AuditProblemCodes.JournalRekeyed));
    }

    [Fact]
    public void Check_WhenTheLastEntryIsRehashedTheOldUnkeyedWay_ReportsItDowngraded()
    {
        var (instance, entries, movements) = Approved();
        var last = entries[^1];
        Tamper.Set(last, nameof(JournalEntry.Scheme), HashScheme.Sha256);
        Tamper.Set(last, nameof(JournalEntry.KeyId), null);
        Tamper.Set(last, nameof(JournalEntry.Hash), last.LegacyHash());

        var problem = Assert.Single(Check(instance, entries, movements));

        Assert.Equal((AuditProblemCodes.JournalDowngraded, 2), (problem.Code, problem.Sequence));
    }

    [Fact]
    public void Check_WhenUnkeyedEntriesComeFromBeforeTheKey_VerifiesThemTheOldWay()
    {
        var (instance, entries, movements) = Approved();
        var previous = JournalEntry.Genesis;
        foreach (var entry in entries)
        {
            Tamper.Set(entry, nameof(JournalEntry.Scheme), HashScheme.Sha256);
            Tamper.Set(entry, nameof(JournalEntry.KeyId), null);
            Tamper.Set(entry, nameof(JournalEntry.PreviousHash), previous);
            previous = Tamper.Set(entry, nameof(JournalEntry.Hash), entry.LegacyHash()).Hash;
        }

        // ids 0 are below the first sealed entry's id: they were written before the key
        Assert.Empty(new JournalChainCheck(Ring, 1).Check(instance, entries, 0, SubjectText, movements));
        Assert.All(new JournalChainCheck(Ring, 0).Check(instance, entries, 0, SubjectText, movements), p => Assert.Equal(AuditProblemCodes.JournalDowngraded, p.Code));
    }

    [Fact]
    public void Check_WhenTheInstanceMovedOnWithoutAnEntry_ReportsTheMissingTailAndTheState()
    {
        var (instance, entries, movements) = Approved();
        entries.RemoveAt(2);

        var problems = Check(instance, entries, movements).Select(p => p.Code).ToList();

        Assert.Contains(AuditProblemCodes.InstanceMissingTail, problems);
        Assert.Contains(AuditProblemCodes.InstanceStateWithoutEntry, problems);
        Assert.Contains(AuditProblemCodes.LedgerNoJournalEntry, problems);
    }

    [Fact]
    public void Check_WhenTheSubjectNoLongerReadsAsTheLastEntryAttests_ReportsTheSubjectChanged()
    {
        var (instance, entries, movements) = Approved();

        var problem = Assert.Single(Check(instance, entries, movements, SubjectText.Replace("nuôi bò", "nuôi dê")));

        Assert.Equal((AuditProblemCodes.SubjectChanged, 2, instance.SubjectId), (problem.Code, problem.Sequence, problem.SubjectId));
    }

    [Fact]
    public void Check_WhenAMovementTheApprovalMadeIsGone_ReportsTheMovements()
    {
        var (instance, entries, _) = Approved();

        var problem = Assert.Single(Check(instance, entries, Array.Empty<LedgerEntry>().ToLookup(m => m.JournalSequence ?? -1)));

        Assert.Equal((AuditProblemCodes.LedgerMovements, 2), (problem.Code, problem.Sequence));
    }

    [Fact]
    public void Check_WhenTheInstanceHasNoEntryAtAll_ReportsItWithoutJournal()
    {
        var (instance, _, movements) = Approved();

        var codes = Check(instance, [], movements).Select(p => p.Code).ToList();

        Assert.Contains(AuditProblemCodes.InstanceNoJournal, codes);
    }
}
