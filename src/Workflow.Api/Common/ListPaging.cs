namespace Workflow.Api.Common;

/// <summary>Where a numbered page of a list starts.</summary>
public static class ListPaging
{
    /// <summary>
    /// The rows before page <paramref name="page"/> (from 1): a page far past the end starts past every row and is
    /// empty, instead of the product overflowing into a negative offset that a database reads as the first page.
    /// </summary>
    public static int Offset(int page, int pageSize) => (int)Math.Min(int.MaxValue, (Math.Max(page, 1) - 1L) * pageSize);
}
