package com.parkingspots;

import com.parkingspots.shared.config.GracefulExit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class ParkingSpotsApplication {

    public static void main(String[] args) {
        GracefulExit.onTerminationSignals();
        SpringApplication.run(ParkingSpotsApplication.class, args);
    }
}
