package org.armswatch.job;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The nightly job's entry point: the exit code must reach the shell, so cron can tell why. */
@SpringBootApplication(scanBasePackages = "org.armswatch")
public class ArmswatchApplication {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(ArmswatchApplication.class, args)));
    }
}
