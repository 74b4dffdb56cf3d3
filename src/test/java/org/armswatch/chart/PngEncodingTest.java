package org.armswatch.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Every pixel read back by the JDK's own PNG reader is the pixel drawn. */
class PngEncodingTest {

    @Test
    void theJdksReaderGetsBackEveryPixel() throws Exception {
        Random random = new Random(5);
        BufferedImage image = new BufferedImage(301, 67, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                // Flat runs, as in a chart, and noise, so that every filter difference wraps somewhere.
                image.setRGB(
                        x,
                        y,
                        y % 9 == 4
                                ? 0x00FF00
                                : x < 150
                                        ? (y < 30 ? 0xFFFFFF : 0x1F77B4)
                                        : y > 60 ? 0x123456 : random.nextInt(1 << 24));
            }
        }
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(PngEncoding.png(image)));
        assertThat(read.getWidth()).isEqualTo(301);
        assertThat(read.getHeight()).isEqualTo(67);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                assertThat(read.getRGB(x, y) & 0xFFFFFF)
                        .as("pixel %d,%d", x, y)
                        .isEqualTo(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        assertThat(read.getColorModel().hasAlpha()).isFalse();
    }

    @Test
    void onlyIntRgbImagesAreTaken() {
        assertThatThrownBy(() -> PngEncoding.png(new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
