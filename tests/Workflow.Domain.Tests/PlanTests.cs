using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Plans;
using Workflow.Domain.Tests.TestData;
using static Workflow.Domain.Tests.ViolationAssert;

namespace Workflow.Domain.Tests;

public class PlanTests
{
    private static readonly Guid PlanId = Guid.Parse("8d1f4c1e-2b7a-4a51-9d0e-5b1f0c2a2024");
    private static readonly DateTimeOffset ImportedAt = new(2024, 4, 2, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset RevisedAt = new(2024, 9, 16, 14, 30, 0, TimeSpan.FromHours(7));

    private static readonly Dictionary<(string Component, FundingSource Source), long> Da2CentralCommitted = new()
    {
        [("DA2", FundingSource.Central)] = 500_000_000,
    };

    private static Plan Import() =>
        Plan.Import(PlanId, HonQuan2024.Plan(), HonQuan2024.ProvincePolicy(), HonQuan2024.Agencies(),
            "taichinh.honquan", ImportedAt, """{"version":1}""");

    private static void Revise(Plan plan, PlanContent content, IReadOnlyDictionary<(string, FundingSource), long> committed) =>
        plan.Revise(content, HonQuan2024.ProvincePolicy(), HonQuan2024.Agencies(), committed,
            "taichinh.honquan", RevisedAt, """{"version":2}""", "Điều chỉnh kế hoạch vốn");

    [Fact]
    public void Import_WhenHonQuanPlan_CreatesVersionOneWithLinesInFileOrder()
    {
        var plan = Import();

        Assert.Equal(1, plan.Version);
        Assert.Equal(2024, plan.FiscalYear);
        Assert.Equal("BP.HQ", plan.UnitCode);
        Assert.Equal(["DA2", "DA3.1", "DA3.2", "DA4.1", "DA4.3", "DA6", "DA7"], plan.Lines.Select(l => l.ComponentCode));
        Assert.Equal("BP.HQ.TTYT", plan.Lines[HonQuan2024.DA32].LeadAgencyCode);
        Assert.Equal(3_507_000_000, plan.Totals[FundingSource.Central]);
        Assert.Equal(176_000_000, plan.Totals[FundingSource.Provincial]);
        Assert.Equal(351_000_000, plan.Totals[FundingSource.District]);
        Assert.Equal(1_521_000_000 + 76_000_000 + 152_000_000, plan.Lines[HonQuan2024.DA2].Total);
        var revision = Assert.Single(plan.Revisions);
        Assert.Equal(1, revision.Version);
        Assert.Equal("taichinh.honquan", revision.CreatedBy);
    }

    [Fact]
    public void Import_WhenPolicyApplied_KeepsTheCounterpartTerms()
    {
        var terms = Import().Counterpart;

        Assert.Equal(0.15m, terms.MinimumLocalRate);
        Assert.Equal(1_000_000, terms.RoundingUnit);
        Assert.Equal(0.05m, terms.RateOf(FundingSource.Provincial));
        Assert.Equal(0.10m, terms.RateOf(FundingSource.District));
        Assert.Equal(0m, terms.RateOf(FundingSource.Commune));
    }

    [Fact]
    public void Revise_WhenLineIsCutBelowCommitted_ThrowsConflictAtThatCellAndChangesNothing()
    {
        var plan = Import();
        var cut = HonQuan2024.Plan().WithAmount(HonQuan2024.DA2, FundingSource.Central, 400_000_000);

        var conflict = Assert.Throws<ConflictException>(() => Revise(plan, cut, Da2CentralCommitted));

        Assert.Equal("plan.belowCommitted", conflict.Code);
        AssertBroken(conflict.Violations, "lines[0].amounts.Central", "Quy tắc 6", "500.000.000 ₫", "400.000.000 ₫", "100.000.000 ₫");
        AssertBrokenPaths(conflict.Violations, "lines[0].amounts.Central");
        Assert.Equal(1, plan.Version);
        Assert.Single(plan.Revisions);
        Assert.Equal(1_521_000_000, plan.Lines[HonQuan2024.DA2].Amounts.Central);
    }

    [Fact]
    public void Revise_WhenLineIsCutExactlyToCommitted_IsAccepted()
    {
        var plan = Import();
        var cut = HonQuan2024.Plan().WithAmount(HonQuan2024.DA2, FundingSource.Central, 500_000_000);

        Revise(plan, cut, Da2CentralCommitted);

        Assert.Equal(2, plan.Version);
        Assert.Equal(500_000_000, plan.Lines[HonQuan2024.DA2].Amounts.Central);
    }

    [Fact]
    public void Revise_WhenCommittedLineIsDropped_ThrowsConflictAtLines()
    {
        var plan = Import();
        var original = HonQuan2024.Plan();
        var withoutDa2 = original with { Lines = original.Lines.Skip(1).ToList() };

        var conflict = Assert.Throws<ConflictException>(() => Revise(plan, withoutDa2, Da2CentralCommitted));

        AssertBroken(conflict.Violations, "lines", "Quy tắc 6", "DA2", "500.000.000 ₫");
        Assert.Equal(7, plan.Lines.Count);
    }

    [Fact]
    public void Revise_WhenLineIsRaised_CreatesVersionTwoAndKeepsLineIdentity()
    {
        var plan = Import();
        var da2Id = plan.Lines[HonQuan2024.DA2].Id;
        var raised = HonQuan2024.Plan().WithAmount(HonQuan2024.DA2, FundingSource.Central, 1_600_000_000);

        Revise(plan, raised, Da2CentralCommitted);

        Assert.Equal(2, plan.Version);
        Assert.Equal([1, 2], plan.Revisions.Select(r => r.Version));
        Assert.Equal("Điều chỉnh kế hoạch vốn", plan.Revisions[1].Reason);
        Assert.Equal(RevisedAt, plan.UpdatedAt);
        Assert.Equal(1_600_000_000, plan.Lines[HonQuan2024.DA2].Amounts.Central);
        Assert.Equal(da2Id, plan.Lines[HonQuan2024.DA2].Id);
        Assert.Equal(3_586_000_000, plan.Totals[FundingSource.Central]);
    }

    [Fact]
    public void Revise_WhenFiscalYearDiffers_ThrowsValidationFailedAtFiscalYear()
    {
        var plan = Import();
        var nextYear = HonQuan2024.Plan() with { FiscalYear = 2025 };

        var failure = Assert.Throws<ValidationFailedException>(() => Revise(plan, nextYear, Da2CentralCommitted));

        AssertBroken(failure.Violations, "fiscalYear", "2024", "2025");
        AssertBrokenPaths(failure.Violations, "fiscalYear");
        Assert.Equal(1, plan.Version);
        Assert.Single(plan.Revisions);
    }

    [Fact]
    public void Revise_WhenUnitDiffers_ThrowsValidationFailedAtUnitCode()
    {
        var plan = Import();
        var original = HonQuan2024.Plan();
        var otherUnit = original with { Unit = original.Unit with { Code = "BP.CT" } };

        var failure = Assert.Throws<ValidationFailedException>(() => Revise(plan, otherUnit, new Dictionary<(string, FundingSource), long>()));

        AssertBroken(failure.Violations, "unit.code", "BP.HQ", "BP.CT");
    }
}
