namespace VisionAspire.Models.Tests;

[Collection(PipelinesCollection.Name)]
public sealed class ObjectDetectionTests(PipelinesFixture models)
{
    [Fact]
    public void Finds_the_bus_and_the_people_in_bus_jpg()
    {
        var objects = models.Objects.Detect(TestImages.Load("bus.jpg"));

        var bus = Assert.Single(objects, o => o.Label == "bus");
        Assert.True(bus.Score > 0.8f);
        // MANIFEST: bus 0.91 [7,231,806,736] as x1,y1,x2,y2.
        Assert.True(IoU(bus.Box, new Box(7, 231, 799, 505)) > 0.9f, $"bus box {bus.Box}");
        Assert.True(objects.Count(o => o.Label == "person") >= 3);
    }

    [Fact]
    public void Finds_dog_bicycle_and_the_truck_as_car()
    {
        var objects = models.Objects.Detect(TestImages.Load("dog_bicycle_truck.jpg"));

        var dog = Assert.Single(objects, o => o.Label == "dog");
        Assert.True(IoU(dog.Box, new Box(133, 205, 190, 338)) > 0.85f, $"dog box {dog.Box}");
        Assert.Contains(objects, o => o.Label == "bicycle");
        Assert.Contains(objects, o => o.Label == "car");
    }

    [Fact]
    public void Boxes_lie_inside_the_image_and_labels_match_class_ids()
    {
        var image = TestImages.Load("living_room_coco139.jpg");
        var objects = models.Objects.Detect(image);
        var labels = models.Store.Labels(ObjectDetector.DefaultModelId);

        Assert.Contains(objects, o => o.Label == "tvmonitor");
        Assert.All(objects, o =>
        {
            Assert.Equal(labels[o.ClassId], o.Label);
            Assert.True(o.Score >= 0.3f);
            Assert.InRange(o.Box.X, 0, image.Width);
            Assert.InRange(o.Box.X + o.Box.Width, 0, image.Width);
            Assert.InRange(o.Box.Y + o.Box.Height, 0, image.Height);
        });
    }

    private static float IoU(Box a, Box b)
    {
        var w = Math.Min(a.X + a.Width, b.X + b.Width) - Math.Max(a.X, b.X);
        var h = Math.Min(a.Y + a.Height, b.Y + b.Height) - Math.Max(a.Y, b.Y);
        if (w <= 0 || h <= 0)
        {
            return 0;
        }
        return w * h / (a.Area + b.Area - w * h);
    }
}
