using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Tests.Shared;

public sealed class ResultTests
{
    [Fact]
    public void A_failure_carries_its_error_and_no_value()
    {
        Result<int> result = Error.Conflict("x.y", "标题", "说明");

        Assert.False(result.IsSuccess);
        Assert.Equal("x.y", result.Error!.Code);
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void Then_chains_only_on_success()
    {
        Result<int> one = 1;

        Assert.Equal(2, one.Then(v => Result<int>.Success(v + 1)).Value);
        Assert.Equal(ErrorKind.Validation, one.Then(_ => Result<int>.Failure(Error.Validation("a.b", "错", "f"))).Error!.Kind);
    }
}
