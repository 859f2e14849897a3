using Workflow.Domain.Money;
using Workflow.Domain.Proposals.Rules;
using static Workflow.Domain.Tests.ViolationAssert;

namespace Workflow.Domain.Tests.Rules;

public sealed class WithinLineRemainingTests
{
    private static readonly SourceAmounts Allocated = new(1_000_000_000, 50_000_000, 100_000_000, 0);
    private static readonly SourceAmounts Committed = new(600_000_000, 30_000_000, 60_000_000, 0);
    private static readonly SourceAmounts Pending = new(100_000_000, 5_000_000, 10_000_000, 0);

    [Fact]
    public void Remaining_WhenPendingExceedsWhatIsLeft_IsZeroNotNegative()
    {
        var remaining = WithinLineRemaining.Remaining(Allocated, Committed, Pending + new SourceAmounts(400_000_000, 0, 0, 0));

        Assert.Equal(new SourceAmounts(0, 15_000_000, 30_000_000, 0), remaining);
    }

    [Fact]
    public void CheckAtSubmission_WhenAskingExactlyWhatIsLeft_Passes() =>
        AssertValid(WithinLineRemaining.CheckAtSubmission("DA2", new SourceAmounts(300_000_000, 15_000_000, 30_000_000, 0), Allocated, Committed, Pending).ToList());

    [Fact]
    public void CheckAtSubmission_WhenOneDongOverInOneSource_FailsThereNamingTheFigures()
    {
        var violations = WithinLineRemaining.CheckAtSubmission("DA2", new SourceAmounts(300_000_001, 15_000_000, 30_000_000, 0), Allocated, Committed, Pending).ToList();

        AssertBroken(violations, "split.Central", "Quy tắc 9", "còn 300.000.000 ₫", "đang chờ 100.000.000 ₫", "thiếu 1 ₫");
        AssertBrokenPaths(violations, "split.Central");
    }

    [Fact]
    public void CheckAtApproval_WhenExactlyTheUncommittedBalance_Passes() =>
        AssertValid(WithinLineRemaining.CheckAtApproval("DA2", new SourceAmounts(400_000_000, 0, 0, 0), Allocated - Committed).ToList());

    [Fact]
    public void CheckAtApproval_WhenOneDongOverTheUncommittedBalance_FailsWithTheShortfall()
    {
        var violations = WithinLineRemaining.CheckAtApproval("DA2", new SourceAmounts(400_000_001, 0, 0, 0), Allocated - Committed).ToList();

        AssertBroken(violations, "split.Central", "Quy tắc 9", "400.000.000 ₫", "thiếu 1 ₫");
    }

    [Fact]
    public void ExcessText_SaysByHowMuchBeforeWhatIsLeft() =>
        Assert.Equal("vượt 97.072.000 ₫ so với số còn lại 1.000.000.000 ₫", WithinLineRemaining.ExcessText(97_072_000, 1_000_000_000));
}
