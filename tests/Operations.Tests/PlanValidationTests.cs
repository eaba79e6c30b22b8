using System.Text.Json;
using VisionAspire.Contracts;
using VisionAspire.Imaging;

namespace VisionAspire.Operations.Tests;

/// <summary>Parameter validation names the field and the range; canonical specs make equal requests share one key.</summary>
public sealed class PlanValidationTests
{
    private static readonly OperationLimits Limits = new();

    private static OperationSpecV1 Op(string op, object? parameters = null) =>
        new(op, parameters is null ? null : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(parameters)));

    [Theory]
    [InlineData("resize", "width", "0", "operations[0].params.width", "from 1 to 8192")]
    [InlineData("resize", "width", "9000", "operations[0].params.width", "from 1 to 8192")]
    [InlineData("resize", "mode", "stretch", "operations[0].params.mode", "one of fit, fill, exact, pad")]
    [InlineData("filter", "type", "oil-paint", "operations[0].params.type", "one of blur")]
    [InlineData("enhance", "brightness", "3.5", "operations[0].params.brightness", "from 0 to 3")]
    [InlineData("enhance", "contrast", "NaN", "operations[0].params.contrast", "from 0 to 3")]
    public void Out_of_range_values_name_the_field_and_the_range(string op, string name, string value, string field, string range)
    {
        var parameters = new Dictionary<string, string> { [name] = value };
        if (op == "filter" && name != "type")
        {
            parameters["type"] = "blur";
        }

        var error = Assert.Throws<ParameterException>(() => ProcessingPlan.Parse([Op(op, parameters)], Limits));

        Assert.Equal(field, error.Field);
        Assert.Contains(range, error.Message);
    }

    [Fact]
    public void A_parameter_of_another_filter_type_is_refused()
    {
        var error = Assert.Throws<ParameterException>(() =>
            ProcessingPlan.Parse([Op("filter", new { type = "blur", sigma = 3 })], Limits));

        Assert.Equal("operations[0].params.sigma", error.Field);
        Assert.Contains("radius", error.Message);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(17)]
    public void Median_size_must_be_odd_and_in_range(int size)
    {
        var error = Assert.Throws<ParameterException>(() =>
            ProcessingPlan.Parse([Op("filter", new { type = "median", size })], Limits));

        Assert.Equal("operations[0].params.size", error.Field);
    }

    [Fact]
    public void Sigma_zero_is_refused_because_the_range_is_open_at_zero()
    {
        var error = Assert.Throws<ParameterException>(() =>
            ProcessingPlan.Parse([Op("filter", new { type = "gaussian-blur", sigma = 0 })], Limits));

        Assert.Contains("greater than 0", error.Message);
    }

    [Fact]
    public void Too_many_operations_and_an_empty_pipeline_are_refused()
    {
        var tooMany = Enumerable.Repeat(Op("filter", new { type = "emboss" }), Limits.MaxOperationsPerPipeline + 1).ToList();

        Assert.Equal("operations", Assert.Throws<ParameterException>(() => ProcessingPlan.Parse(tooMany, Limits)).Field);
        Assert.Equal("operations", Assert.Throws<ParameterException>(() => ProcessingPlan.Parse([], Limits)).Field);
    }

    [Fact]
    public void Convert_must_be_last_and_unknown_ops_are_named()
    {
        var convertFirst = Assert.Throws<ParameterException>(() =>
            ProcessingPlan.Parse([Op("convert", new { format = "png" }), Op("filter", new { type = "emboss" })], Limits));
        var unknown = Assert.Throws<ParameterException>(() => ProcessingPlan.Parse([Op("filter", new { type = "emboss" }), Op("rotate")], Limits));

        Assert.Equal("operations[0].op", convertFirst.Field);
        Assert.Equal("operations[1].op", unknown.Field);
    }

    [Fact]
    public void Fill_without_a_height_is_refused()
    {
        var error = Assert.Throws<ParameterException>(() => ProcessingPlan.Parse([Op("resize", new { width = 100, mode = "fill" })], Limits));

        Assert.Equal("operations[0].params.height", error.Field);
    }

    [Fact]
    public void Equal_specs_written_differently_share_a_hash_and_different_ones_do_not()
    {
        var sha = new string('a', 64);
        var spelled = ProcessingPlan.Parse([Op("resize", new { width = 720 }), Op("filter", new { type = "sharpen" })], Limits);
        var explicitDefaults = ProcessingPlan.Parse(
            [Op("resize", new { width = "720", mode = "FIT", upscale = false }), Op("filter", new { type = "sharpen", sigma = 1.0, amount = 2 }),
             Op("convert", new { format = "jpeg", quality = 85 })], Limits);
        var other = ProcessingPlan.Parse([Op("resize", new { width = 721 }), Op("filter", new { type = "sharpen" })], Limits);

        Assert.Equal(spelled.ResultHash(sha, ImageFormat.Jpeg), explicitDefaults.ResultHash(sha, ImageFormat.Jpeg));
        Assert.NotEqual(spelled.ResultHash(sha, ImageFormat.Jpeg), other.ResultHash(sha, ImageFormat.Jpeg));
        Assert.NotEqual(spelled.ResultHash(sha, ImageFormat.Jpeg), spelled.ResultHash(new string('b', 64), ImageFormat.Jpeg));
    }
}
