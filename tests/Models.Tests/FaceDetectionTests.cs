namespace VisionAspire.Models.Tests;

[Collection(PipelinesCollection.Name)]
public sealed class FaceDetectionTests(PipelinesFixture models)
{
    public static TheoryData<string, string, int> ExpectedCounts()
    {
        // Counts verified in shared/models/MANIFEST.md (UltraFace RFB-320 thr 0.7, YuNet sqrt score thr 0.6, NMS 0.3).
        var data = new TheoryData<string, string, int>();
        var common = new (string Image, int Faces)[]
        {
            ("face_single_woman_laptop.jpg", 1), ("faces_two_handshake.jpg", 2), ("faces_group_children.jpg", 8),
            ("faces_family_five.jpg", 5), ("zidane.jpg", 2), ("bus.jpg", 2), ("no_face_bedroom_coco632.jpg", 0),
            ("street_cars_coco1532.jpg", 0),
        };
        foreach (var detector in new[] { "ultraface", "yunet", "yunet-dynamic" })
        {
            foreach (var (image, faces) in common)
            {
                data.Add(detector, image, faces);
            }
        }
        data.Add("yunet", "green_apples_coco2149.jpg", 0);
        data.Add("yunet", "living_room_coco139.jpg", 0);
        return data;
    }

    [Theory]
    [MemberData(nameof(ExpectedCounts))]
    public void Finds_the_documented_number_of_faces(string detector, string image, int expected)
    {
        var faces = models.Detector(detector).Detect(TestImages.Load(image));

        Assert.Equal(expected, faces.Count);
    }

    [Theory]
    [InlineData("ultraface")]
    [InlineData("yunet")]
    public void Single_face_box_is_in_original_image_coordinates(string detector)
    {
        var face = Assert.Single(models.Detector(detector).Detect(TestImages.Load("face_single_woman_laptop.jpg")));

        // MANIFEST: ~[493,115,674,353] (UltraFace), ~[497,118,674,349] (YuNet), as x1,y1,x2,y2.
        Assert.InRange(face.Box.X, 480, 510);
        Assert.InRange(face.Box.Y, 105, 130);
        Assert.InRange(face.Box.X + face.Box.Width, 660, 690);
        Assert.InRange(face.Box.Y + face.Box.Height, 335, 365);
    }

    [Fact]
    public void YuNet_returns_five_landmarks_inside_each_face_in_image_order()
    {
        var faces = models.YuNet.Detect(TestImages.Load("faces_two_handshake.jpg"));

        Assert.Equal(2, faces.Count);
        foreach (var face in faces)
        {
            var points = face.Landmarks!;
            Assert.Equal(5, points.Count);
            Assert.All(points, p =>
            {
                Assert.InRange(p.X, face.Box.X, face.Box.X + face.Box.Width);
                Assert.InRange(p.Y, face.Box.Y, face.Box.Y + face.Box.Height);
            });
            Assert.True(points[0].X < points[1].X, "left-most eye comes first");
            Assert.True(points[2].Y > points[0].Y && points[3].Y > points[2].Y, "nose below the eyes, mouth below the nose");
        }
    }

    [Fact]
    public void Detections_are_sorted_by_score()
    {
        var faces = models.UltraFace.Detect(TestImages.Load("faces_group_children.jpg"));

        Assert.Equal(faces.OrderByDescending(f => f.Score).ToArray(), faces);
    }
}
