using Workflow.Domain.Audit;

namespace Workflow.Domain.Tests.Audit;

public sealed class CanonicalFieldsTests
{
    [Fact]
    public void ToString_WhenAValueCarriesALineBreakAndAnotherField_CannotPassForTwoFields()
    {
        var forged = new CanonicalFields().Add("comment", "đồng ý\ntitle=Mô hình khác").ToString();
        var honest = new CanonicalFields().Add("comment", "đồng ý").Add("title", "Mô hình khác").ToString();

        Assert.NotEqual(honest, forged);
        Assert.Single(forged.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void ToString_WhenNullOrEmpty_AreDifferent()
    {
        Assert.NotEqual(new CanonicalFields().Add("comment", (string?)null).ToString(), new CanonicalFields().Add("comment", "").ToString());
    }

    [Fact]
    public void ToString_WhenTheSameMomentInAnotherOffset_IsTheSame()
    {
        var utc = new DateTimeOffset(2024, 5, 6, 2, 0, 0, TimeSpan.Zero);

        Assert.Equal(new CanonicalFields().Add("at", utc).ToString(), new CanonicalFields().Add("at", utc.ToOffset(TimeSpan.FromHours(7))).ToString());
    }
}
