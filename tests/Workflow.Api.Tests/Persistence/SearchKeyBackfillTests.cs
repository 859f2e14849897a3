using Workflow.Api.Tests.Infrastructure;
using Workflow.Domain.Common;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Tests.Persistence;

/// <summary>The migration that fills the search key of older proposals folds on the engine exactly as the program does.</summary>
public sealed class SearchKeyBackfillTests
{
    [Theory]
    [InlineData("ĐX-2026-0001 Hỗ trợ phát triển sản xuất, đa dạng hóa sinh kế")]
    [InlineData("QT-2025-0012 NUÔI BÒ SINH SẢN CHO HỘ NGHÈO ẤP ĐẮK Ơ")]
    [InlineData("Cải thiện dinh dưỡng; Ưu tiên người dân tộc thiểu số (Ỷ, Ỹ, Ỵ)")]
    public void FoldSql_OnTheEngine_GivesWhatFoldGives(string text)
    {
        using var database = TestDatabase.Create("search-key");
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        var parameter = command.CreateParameter();
        parameter.ParameterName = "text";
        parameter.Value = text;
        command.Parameters.Add(parameter);
        command.CommandText = $"SELECT {SearchKeyBackfill.FoldSql(TestDatabase.OnPostgres ? "CAST(@text AS text)" : "@text")}";

        Assert.Equal(SearchKey.Fold(text), (string?)command.ExecuteScalar());
    }
}
