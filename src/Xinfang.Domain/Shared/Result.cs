namespace Xinfang.Domain.Shared;

/// <summary>Either a value or an <see cref="Error"/>. Decisions return this instead of throwing.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T value)
    {
        _value = value;
        Error = null;
    }

    private Result(Error error)
    {
        _value = default;
        Error = error;
    }

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"No value: {Error!.Code}");

    public static implicit operator Result<T>(T value) => new(value);

    public static implicit operator Result<T>(Error error) => new(error);

    public static Result<T> Success(T value) => new(value);

    public static Result<T> Failure(Error error) => new(error);

    public Result<TOut> Then<TOut>(Func<T, Result<TOut>> next) => IsSuccess ? next(_value!) : Result<TOut>.Failure(Error!);

    public async Task<Result<TOut>> ThenAsync<TOut>(Func<T, Task<Result<TOut>>> next) => IsSuccess ? await next(_value!) : Result<TOut>.Failure(Error!);

    public Result<TOut> Map<TOut>(Func<T, TOut> map) => IsSuccess ? map(_value!) : Result<TOut>.Failure(Error!);

    public bool TryGet(out T value, out Error error)
    {
        value = _value!;
        error = Error!;
        return IsSuccess;
    }
}
