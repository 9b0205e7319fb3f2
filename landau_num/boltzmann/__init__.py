"""The homogeneous Boltzmann operator of 001_213bc0b3a2bddff3.txt (1.1) by a fast spectral method,
with the angular kernels of the seed, and its solver on the platform."""
