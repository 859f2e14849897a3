using Workflow.Domain.Common;

namespace Workflow.Domain.Tests;

public sealed class SearchKeyTests
{
    [Theory]
    [InlineData("Hỗ trợ sinh kế cho hộ nghèo", "ho tro sinh ke cho ho ngheo")]
    [InlineData("HỖ TRỢ  SINH KẾ", "ho tro sinh ke")]
    [InlineData("Đường giao thông Đắk Ơ", "duong giao thong dak o")]
    [InlineData("  Trồng   cà phê  ", "trong ca phe")]
    [InlineData("", "")]
    public void Fold_WhenTextHasMarksCaseAndSpaces_GivesWhatPeopleTypeWithout(string text, string expected) =>
        Assert.Equal(expected, SearchKey.Fold(text));

    [Fact]
    public void Fold_WhenTextIsDecomposed_GivesTheSameAsPrecomposed() =>
        Assert.Equal(SearchKey.Fold("Nuôi bò sinh sản"), SearchKey.Fold("Nuôi bò sinh sản".Normalize(System.Text.NormalizationForm.FormD)));

    [Fact]
    public void Words_WhenQueryRepeatsAWord_GivesEachFoldedWordOnce() =>
        Assert.Equal(["bo", "sinh", "san"], SearchKey.Words("Bò sinh SẢN bò"));

    [Fact]
    public void Of_WhenCodeAndTitle_FoldsBoth() =>
        Assert.Equal("dx-2026-0007 nuoi bo", SearchKey.Of("ĐX-2026-0007", "Nuôi bò"));
}

public sealed class DossierCodeParseTests
{
    [Theory]
    [InlineData("ĐX-2026-0007", "ĐX-2026-0007")]
    [InlineData("dx-2026-7", "ĐX-2026-0007")]
    [InlineData("  gn 2026 12 ", "GN-2026-0012")]
    [InlineData("QT-2025-10001", "QT-2025-10001")]
    public void Parse_WhenTextIsACodeAsTyped_GivesTheStoredCode(string text, string expected) =>
        Assert.Equal(expected, DossierCode.Parse(text)?.Code);

    [Theory]
    [InlineData("nuôi bò")]
    [InlineData("XX-2026-0001")]
    [InlineData("ĐX-26-0001")]
    [InlineData("ĐX-2026-0")]
    [InlineData("ĐX-2026-+1")]
    [InlineData("ĐX-2026")]
    public void Parse_WhenTextIsNotACode_GivesNull(string text) => Assert.Null(DossierCode.Parse(text));
}
